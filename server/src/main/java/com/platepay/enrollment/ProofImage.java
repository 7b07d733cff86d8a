package com.platepay.enrollment;

import com.platepay.platform.ApiException;
import java.util.Arrays;

/**
 * An uploaded photo of a vehicle licence, checked before anything is stored: not empty, not over the size limit,
 * and by its first bytes a JPEG, PNG or WebP image. The type the client claims is not trusted; the type served back
 * is the one found here.
 */
public record ProofImage(byte[] bytes, String contentType) {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    public static ProofImage check(byte[] bytes, int maxBytes) {
        if (bytes == null || bytes.length == 0) {
            throw ApiException.badRequest("PROOF_EMPTY", "send the photo of the vehicle licence as the request body");
        }
        if (bytes.length > maxBytes) {
            throw new ApiException(413, "PROOF_TOO_LARGE", "the photo may be at most " + (maxBytes / 1024) + " KiB");
        }
        String type = typeOf(bytes);
        if (type == null) {
            throw new ApiException(415, "PROOF_TYPE_NOT_ALLOWED", "the photo must be a JPEG, PNG or WebP image");
        }
        return new ProofImage(bytes, type);
    }

    static String typeOf(byte[] b) {
        if (startsWith(b, JPEG)) {
            return "image/jpeg";
        }
        if (startsWith(b, PNG)) {
            return "image/png";
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        return b.length >= prefix.length && Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
    }
}
