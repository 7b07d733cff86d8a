package com.platepay.keycloak;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * The demo's users, one per role, named after their role. Their random passwords are made on the first start and
 * kept in {@code DIR/demo-users.properties} (0600) so they stay the same across restarts.
 */
final class DemoUsers {
    static final List<String> NAMES = List.of("driver", "operator", "attendant", "admin");
    static final String CLI_CLIENT = "platepay-demo-cli";
    static final String FILE = "demo-users.properties";

    private DemoUsers() {
    }

    /** Creates the users and the demo CLI's password-grant client if needed; idempotent. */
    static void ensure(KeycloakAdmin admin, Path dir) throws IOException {
        Properties passwords = loadPasswords(dir);
        boolean changed = false;
        for (String name : NAMES) {
            if (passwords.getProperty(name) == null) {
                passwords.setProperty(name, PrivateFiles.randomPassword());
                changed = true;
            }
        }
        if (changed) {
            StringWriter text = new StringWriter();
            passwords.store(text, "PlatePay demo users (username = role); generated on first start");
            PrivateFiles.write(dir.resolve(FILE), text.toString());
        }
        for (String name : NAMES) {
            String title = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            admin.createUser(name, passwords.getProperty(name), name + "@demo.platepay.example", "Demo", title, name);
        }
        admin.createPasswordGrantClient(CLI_CLIENT);
    }

    static Properties loadPasswords(Path dir) throws IOException {
        Properties passwords = new Properties();
        Path file = dir.resolve(FILE);
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                passwords.load(in);
            }
        }
        return passwords;
    }
}
