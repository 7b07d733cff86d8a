package com.platepay.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;

/** Real (small) images to upload as vehicle licence photos; each one different, as two photos are. */
public final class ProofImages {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private ProofImages() {
    }

    public static byte[] png() {
        return encode("png");
    }

    public static byte[] jpeg() {
        return encode("jpg");
    }

    private static byte[] encode(String format) {
        BufferedImage image = new BufferedImage(160, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(214, 226, 214));
        g.fillRect(0, 0, 160, 100);
        g.setColor(new Color(ThreadLocalRandom.current().nextInt(0x1000000)));
        g.fillRect(10, 10, 40, 60);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
