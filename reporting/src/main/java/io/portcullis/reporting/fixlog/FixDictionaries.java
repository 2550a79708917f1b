package io.portcullis.reporting.fixlog;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import io.portcullis.fix.dictionary.FixDictionary;
import quickfix.DataDictionary;

/**
 * Tag, value and message names from Portcullis' FIX dictionaries (module fix-dictionaries): FIX 4.2 and FIX 4.4
 * sessions use one dictionary, FIXT 1.1 sessions FIXT 1.1 for the session layer and FIX 5.0SP2 for application
 * messages. Field and value names come from QuickFIX/J's {@link DataDictionary}; message names (MsgType D is
 * NewOrderSingle), which it does not expose, from the same XML. Each dictionary is parsed on first use.
 *
 * <p>One thread (the command's); not thread-safe.
 */
final class FixDictionaries {
    private final Map<FixDictionary, DataDictionary> parsed = new EnumMap<>(FixDictionary.class);
    private final Map<FixDictionary, Map<String, String>> messageNames = new EnumMap<>(FixDictionary.class);

    /**
     * The dictionaries of a session, application dictionary first.
     *
     * @param beginString BeginString(8), may be null
     * @return the dictionaries, empty when Portcullis has none for it
     */
    List<FixDictionary> forBeginString(final String beginString) {
        if (beginString == null) {
            return List.of();
        }
        return switch (beginString) {
            case "FIX.4.2" -> List.of(FixDictionary.FIX42);
            case "FIX.4.4" -> List.of(FixDictionary.FIX44);
            case "FIXT.1.1" -> List.of(FixDictionary.FIX50SP2, FixDictionary.FIXT11);
            default -> List.of();
        };
    }

    /** The field's name, e.g. ClOrdID for 11; null when none of the dictionaries has the tag. */
    String fieldName(final List<FixDictionary> dictionaries, final int tag) {
        for (final FixDictionary d : dictionaries) {
            final String name = dictionary(d).getFieldName(tag);
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    /**
     * The name of a value: the message name for MsgType(35) (NewOrderSingle), else the dictionary's enum name
     * (BUY for Side 1); null when there is none.
     */
    String valueName(final List<FixDictionary> dictionaries, final int tag, final String value) {
        for (final FixDictionary d : dictionaries) {
            final String name = tag == 35 ? messages(d).get(value)
                : dictionary(d).hasFieldValue(tag) ? dictionary(d).getValueName(tag, value) : null;
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    /**
     * A MsgType(35) value from what an operator typed: a value any dictionary knows (D, 8, AE), a message name in any
     * case (NewOrderSingle, executionreport), or failing both a value of one or two letters and digits (a custom
     * message type).
     *
     * @return the value, or empty when {@code typed} is none of these
     */
    Optional<String> msgType(final String typed) {
        for (final FixDictionary d : FixDictionary.values()) {
            if (messages(d).containsKey(typed)) {
                return Optional.of(typed);
            }
        }
        for (final FixDictionary d : FixDictionary.values()) {
            for (final Map.Entry<String, String> message : messages(d).entrySet()) {
                if (message.getValue().equalsIgnoreCase(typed)) {
                    return Optional.of(message.getKey());
                }
            }
        }
        return typed.matches("[0-9A-Za-z]{1,2}") ? Optional.of(typed) : Optional.empty();
    }

    private DataDictionary dictionary(final FixDictionary d) {
        return parsed.computeIfAbsent(d, FixDictionary::load);
    }

    private Map<String, String> messages(final FixDictionary d) {
        return messageNames.computeIfAbsent(d, FixDictionaries::readMessageNames);
    }

    /** MsgType to message name, from the {@code <message name=".." msgtype="..">} elements of the XML. */
    private static Map<String, String> readMessageNames(final FixDictionary d) {
        final XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        final Map<String, String> names = new HashMap<>();
        try (InputStream xml = FixDictionary.class.getClassLoader().getResourceAsStream(d.resourceName())) {
            if (xml == null) {
                throw new IllegalStateException("FIX dictionary " + d.resourceName() + " is not on the class path");
            }
            final XMLStreamReader reader = factory.createXMLStreamReader(xml);
            try {
                while (reader.hasNext()) {
                    if (reader.next() == XMLStreamConstants.START_ELEMENT
                        && "message".equals(reader.getLocalName().toLowerCase(Locale.ROOT))) {
                        final String type = reader.getAttributeValue(null, "msgtype");
                        final String name = reader.getAttributeValue(null, "name");
                        if (type != null && name != null) {
                            names.put(type, name);
                        }
                    }
                }
            } finally {
                reader.close();
            }
        } catch (final IOException | XMLStreamException ex) {
            throw new IllegalStateException("FIX dictionary " + d.resourceName() + " does not read: "
                + ex.getMessage(), ex);
        }
        return names;
    }
}
