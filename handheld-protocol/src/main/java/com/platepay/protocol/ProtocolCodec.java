package com.platepay.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and writes envelopes and bodies with one strictly configured Jackson mapper.
 *
 * <p>Strict means: duplicate keys, trailing data, numbers given as strings (and the reverse), fractions for integers,
 * unknown body fields and numeric enums are all MALFORMED. Instants are written as UTC with exactly three fraction
 * digits ({@code 2026-11-23T09:00:00.120Z}); an envelope's {@code sentAt} must arrive in exactly that form, because the
 * verifier re-creates the signed bytes from the decoded values.
 */
public final class ProtocolCodec {
    private static final DateTimeFormatter INSTANT_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern SENT_AT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    private static final Set<String> ENVELOPE_FIELDS =
            Set.of("v", "id", "type", "deviceId", "siteId", "seq", "sentAt", "body", "sig");
    private static final ObjectMapper MAPPER = build();

    private ProtocolCodec() {
    }

    /** The one configured mapper (java.time as ISO-8601 strings, no nulls written, strict reading). Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Formats an instant the way the protocol writes it: {@code uuuu-MM-ddTHH:mm:ss.SSSZ}, UTC, truncated to millis. */
    public static String formatInstant(Instant instant) {
        return INSTANT_FORMAT.format(instant);
    }

    public static byte[] encode(Envelope e) {
        try {
            return MAPPER.writeValueAsBytes(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("cannot encode envelope: " + ex.getOriginalMessage(), ex);
        }
    }

    /**
     * Reads an envelope. MALFORMED: not one JSON object, duplicate or unknown keys, a field of the wrong type, a
     * {@code sentAt} not of the form {@code 2026-11-23T09:00:00.123Z}; MISSING_FIELD: a required field absent or null
     * (every field but {@code sig}); UNSUPPORTED_VERSION: {@code v} is an integer other than {@link Envelope#VERSION}.
     * The signature is not checked here (see {@link EnvelopeVerifier}).
     */
    public static Envelope decode(byte[] json) throws ProtocolException {
        if (json == null || json.length == 0) {
            throw new ProtocolException(ProtocolException.MALFORMED, "empty message");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException ex) {
            throw new ProtocolException(ProtocolException.MALFORMED, "not readable JSON: " + shortMessage(ex));
        }
        return decode(root);
    }

    /** {@link #decode(byte[])} for JSON already read with {@link #mapper()}. */
    public static Envelope decode(JsonNode root) throws ProtocolException {
        if (root == null || !root.isObject()) {
            throw new ProtocolException(ProtocolException.MALFORMED, "an envelope is a JSON object");
        }
        JsonNode v = required(root, "v");
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw wrongType("v", "an integer");
        }
        if (v.intValue() != Envelope.VERSION) {
            throw new ProtocolException(ProtocolException.UNSUPPORTED_VERSION,
                    "envelope version " + v.intValue() + " is not supported; this side speaks " + Envelope.VERSION);
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!ENVELOPE_FIELDS.contains(name)) {
                throw new ProtocolException(ProtocolException.MALFORMED, "unknown envelope field '" + name + "'");
            }
        }
        String id = text(root, "id");
        String type = text(root, "type");
        String deviceId = text(root, "deviceId");
        String siteId = text(root, "siteId");
        JsonNode seq = required(root, "seq");
        if (!seq.isIntegralNumber() || !seq.canConvertToLong() || seq.longValue() < 0) {
            throw wrongType("seq", "a non-negative integer");
        }
        String sentAtText = text(root, "sentAt");
        Instant sentAt;
        try {
            if (!SENT_AT.matcher(sentAtText).matches()) {
                throw new DateTimeParseException("shape", sentAtText, 0);
            }
            sentAt = Instant.parse(sentAtText);
        } catch (DateTimeParseException ex) {
            throw wrongType("sentAt", "UTC with milliseconds, like 2026-11-23T09:00:00.123Z");
        }
        JsonNode body = required(root, "body");
        if (!body.isObject()) {
            throw wrongType("body", "an object");
        }
        JsonNode sigNode = root.get("sig");
        String sig = null;
        if (sigNode != null && !sigNode.isNull()) {
            if (!sigNode.isTextual()) {
                throw wrongType("sig", "a string");
            }
            sig = sigNode.textValue();
        }
        return new Envelope(v.intValue(), id, type, deviceId, siteId, seq.longValue(), sentAt, body, sig);
    }

    /**
     * Reads an envelope's body as {@code type}. MISSING_FIELD when a component marked
     * {@code @JsonProperty(required = true)} is absent or null; MALFORMED for wrong types or unknown fields.
     */
    public static <T> T body(Envelope e, Class<T> type) throws ProtocolException {
        JsonNode body = e == null ? null : e.body();
        if (body == null || !body.isObject()) {
            throw new ProtocolException(e == null || body == null ? ProtocolException.MISSING_FIELD : ProtocolException.MALFORMED,
                    "the envelope has no body object");
        }
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                JsonProperty p = annotation(type, c);
                if (p != null && p.required()) {
                    String name = p.value().isEmpty() ? c.getName() : p.value();
                    JsonNode value = body.get(name);
                    if (value == null || value.isNull()) {
                        throw new ProtocolException(ProtocolException.MISSING_FIELD, "body field '" + name + "' is required");
                    }
                }
            }
        }
        try {
            return MAPPER.treeToValue(body, type);
        } catch (JsonMappingException ex) {
            throw new ProtocolException(ProtocolException.MALFORMED, "body" + path(ex) + ": " + shortMessage(ex));
        } catch (JsonProcessingException | IllegalArgumentException ex) {
            throw new ProtocolException(ProtocolException.MALFORMED, "body: " + shortMessage(ex));
        }
    }

    /** The JSON tree of any value as the protocol writes it (nulls left out, instants as strings). */
    public static JsonNode tree(Object body) {
        return MAPPER.valueToTree(body);
    }

    /** A new unsigned envelope: fresh UUIDv7 id, sentAt = now (millisecond precision). */
    public static Envelope envelope(String type, String deviceId, String siteId, long seq, Object body) {
        return new Envelope(Envelope.VERSION, Ids.newUuidV7(), type, deviceId, siteId, seq,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), tree(body), null);
    }

    private static JsonNode required(JsonNode root, String name) throws ProtocolException {
        JsonNode n = root.get(name);
        if (n == null || n.isNull()) {
            throw new ProtocolException(ProtocolException.MISSING_FIELD, "envelope field '" + name + "' is required");
        }
        return n;
    }

    private static String text(JsonNode root, String name) throws ProtocolException {
        JsonNode n = required(root, name);
        if (!n.isTextual()) {
            throw wrongType(name, "a string");
        }
        return n.textValue();
    }

    private static ProtocolException wrongType(String name, String expected) {
        return new ProtocolException(ProtocolException.MALFORMED, "envelope field '" + name + "' must be " + expected);
    }

    private static JsonProperty annotation(Class<?> type, RecordComponent c) {
        try {
            return type.getDeclaredField(c.getName()).getAnnotation(JsonProperty.class);
        } catch (NoSuchFieldException ex) {
            return c.getAccessor().getAnnotation(JsonProperty.class);
        }
    }

    private static String path(JsonMappingException ex) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference r : ex.getPath()) {
            if (r.getFieldName() != null) {
                s.append('.').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.toString();
    }

    private static String shortMessage(Exception ex) {
        String m = ex instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : ex.getMessage();
        if (m == null) {
            return ex.getClass().getSimpleName();
        }
        m = m.replaceAll("\\s+", " ");
        return m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }

    private static ObjectMapper build() {
        SimpleModule instants = new SimpleModule("platepay-instants");
        instants.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(INSTANT_FORMAT.format(value));
            }
        });
        instants.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (p.currentToken() != JsonToken.VALUE_STRING) {
                    return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
                }
                String text = p.getText().strip();
                try {
                    return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
                } catch (DateTimeParseException ex) {
                    return (Instant) ctxt.handleWeirdStringValue(Instant.class, text,
                            "not an RFC 3339 date-time with offset (e.g. 2026-11-23T09:00:00.123Z)");
                }
            }
        });
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(instants)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.USE_LONG_FOR_INTS)
                // Exact, so that 1e2 and 100.0 can be recognised as the integer 100 (and 1.5 as no integer) without rounding.
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        for (LogicalType t : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean, LogicalType.Textual,
                LogicalType.Enum, LogicalType.DateTime}) {
            mapper.coercionConfigFor(t)
                    .setCoercion(CoercionInputShape.String, t == LogicalType.Textual || t == LogicalType.Enum || t == LogicalType.DateTime
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, t == LogicalType.Integer ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, t == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, t == LogicalType.Textual ? CoercionAction.TryConvert : CoercionAction.Fail);
        }
        return mapper;
    }

}
