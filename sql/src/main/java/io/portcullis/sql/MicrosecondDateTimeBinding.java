package io.portcullis.sql;

import java.io.Serial;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.conf.ParamType;

/**
 * Binds {@code DATETIME(6)} columns as text so that microseconds survive on MariaDB.
 *
 * <p>Why: MariaDB 10.x announces itself in the protocol handshake as {@code 5.5.5-10.11...}; MySQL Connector/J reads
 * that as a server older than 5.6.4 and silently drops the fractional seconds of every {@code Timestamp} and
 * {@code LocalDateTime} parameter (seen with Connector/J 9.5.0 and MariaDB 10.11.19; test
 * {@code SchemaMatchesGeneratedClassesTest}). A text parameter in ISO form is converted by the server itself, exactly,
 * on MariaDB and MySQL alike. Reading is unaffected. The jOOQ code generator applies this binding to every
 * {@code DATETIME} column (see sql/pom.xml, forcedTypes). Values are UTC wall-clock times.
 */
public final class MicrosecondDateTimeBinding implements Binding<LocalDateTime, LocalDateTime> {
    @Serial
    private static final long serialVersionUID = 1L;

    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final Converter<LocalDateTime, LocalDateTime> IDENTITY =
        Converter.ofNullable(LocalDateTime.class, LocalDateTime.class, value -> value, value -> value);

    /** The text form the server receives: {@code yyyy-MM-dd HH:mm:ss.SSSSSS}. */
    static String text(final LocalDateTime value) {
        return TEXT.format(value);
    }

    @Override
    public Converter<LocalDateTime, LocalDateTime> converter() {
        return IDENTITY;
    }

    @Override
    public void sql(final BindingSQLContext<LocalDateTime> ctx) {
        if (ctx.render().paramType() == ParamType.INLINED) {
            ctx.render().sql(ctx.value() == null ? "null" : "timestamp '" + text(ctx.value()) + "'");
        } else {
            ctx.render().sql(ctx.variable());
        }
    }

    @Override
    public void register(final BindingRegisterContext<LocalDateTime> ctx) throws SQLException {
        ctx.statement().registerOutParameter(ctx.index(), Types.TIMESTAMP);
    }

    @Override
    public void set(final BindingSetStatementContext<LocalDateTime> ctx) throws SQLException {
        if (ctx.value() == null) {
            ctx.statement().setNull(ctx.index(), Types.TIMESTAMP);
        } else {
            ctx.statement().setString(ctx.index(), text(ctx.value()));
        }
    }

    @Override
    public void set(final BindingSetSQLOutputContext<LocalDateTime> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException("DATETIME values are not written to SQL structured types");
    }

    @Override
    public void get(final BindingGetResultSetContext<LocalDateTime> ctx) throws SQLException {
        ctx.value(ctx.resultSet().getObject(ctx.index(), LocalDateTime.class));
    }

    @Override
    public void get(final BindingGetStatementContext<LocalDateTime> ctx) throws SQLException {
        ctx.value(ctx.statement().getObject(ctx.index(), LocalDateTime.class));
    }

    @Override
    public void get(final BindingGetSQLInputContext<LocalDateTime> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException("DATETIME values are not read from SQL structured types");
    }
}
