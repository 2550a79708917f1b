package io.portcullis.fix.conformance;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.portcullis.testsupport.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * The FIX session layer, as a counterparty sees it over a real socket: every script under
 * {@code src/test/resources/conformance/fix44}, {@code .../fix42} and {@code .../fixt11} (FIXT 1.1 carrying FIX
 * 5.0SP2; our own scripts after the FIX Session Layer Test Cases) is one test, named after its file, played against
 * one gateway (session layer on MySQL, order layer on the Kafka journal). Each script starts with fresh sequence
 * numbers. Per-step timeout: {@code -Dconformance.timeout} seconds (10). A script marked {@code # DEVIATION:} is a
 * known gap between the gateway and the spec: skipped with its reason while it fails, a failure once it passes.
 */
@Timeout(600)
class SessionConformanceTest {
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(Long.getLong("conformance.timeout", 10));

    private static ConformanceGateway gateway;

    @BeforeAll
    static void startGateway() throws Exception {
        LocalStack.require(LocalStack.Service.MYSQL, LocalStack.Service.KAFKA);
        gateway = new ConformanceGateway(SessionConformanceTest.class, LocalStack.kafkaBootstrap());
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @TestFactory
    Stream<DynamicNode> everyScriptPlaysAsWritten() throws IOException, URISyntaxException {
        final List<DynamicNode> versions = new ArrayList<>();
        for (final String version : ConformanceGateway.VERSIONS) {
            final String directory = ConformanceGateway.scriptDirectory(version);
            final List<DynamicNode> tests = new ArrayList<>();
            for (final Path file : scripts(directory)) {
                final ConformanceScript script = ConformanceScript.read(file);
                tests.add(DynamicTest.dynamicTest(script.name(), file.toUri(), () -> play(version, script)));
            }
            versions.add(DynamicContainer.dynamicContainer(directory, tests));
        }
        return versions.stream();
    }

    private static void play(final String version, final ConformanceScript script) throws Exception {
        gateway.freshSession(version, STEP_TIMEOUT);
        final ScriptRunner runner = new ScriptRunner("127.0.0.1", gateway.port(version), STEP_TIMEOUT);
        if (script.deviation() == null) {
            runner.run(script);
            return;
        }
        try {
            runner.run(script);
        } catch (final AssertionError knownDeviation) {
            Assumptions.abort("known deviation of the gateway: " + script.deviation() + "\n"
                + knownDeviation.getMessage());
        }
        Assertions.fail("script " + script.name() + " is marked '" + ConformanceScript.DEVIATION + " "
            + script.deviation() + "' but now passes: remove the marker");
    }

    private static List<Path> scripts(final String directory) throws IOException, URISyntaxException {
        final URL url = SessionConformanceTest.class.getClassLoader().getResource("conformance/" + directory);
        if (url == null) {
            throw new IllegalStateException("no conformance/" + directory + " on the test class path");
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".script")).sorted().toList();
        }
    }
}
