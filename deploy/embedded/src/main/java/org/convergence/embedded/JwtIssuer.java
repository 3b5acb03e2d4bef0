package org.convergence.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Issues RS256 bearer tokens for the local stack and the tests, with plain JDK crypto (no JWT library to
 * keep in step with Quarkus). Production tokens come from the identity provider; the services only ever
 * see a public key ({@code mp.jwt.verify.publickey} or {@code .location}) and the issuer
 * ({@code mp.jwt.verify.issuer}), so these tokens exercise the same verification path.
 */
public final class JwtIssuer {

    public static final String ISSUER = "https://convergence.local/issuer";
    private static final Set<String> RESERVED = Set.of("iss", "sub", "upn", "groups", "iat", "exp", "jti");
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final Path publicKeyFile;

    private JwtIssuer(PrivateKey privateKey, PublicKey publicKey, Path publicKeyFile) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.publicKeyFile = publicKeyFile;
    }

    public static JwtIssuer generate() {
        KeyPair pair = newKeyPair();
        return new JwtIssuer(pair.getPrivate(), pair.getPublic(), null);
    }

    /** Keys kept in {@code dir}, so tokens printed once stay valid across restarts of the local stack. */
    public static JwtIssuer loadOrCreate(Path dir) {
        Path privateFile = dir.resolve("jwt-private.pem");
        Path publicFile = dir.resolve("jwt-public.pem");
        try {
            if (Files.exists(privateFile) && Files.exists(publicFile)) {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(readPem(privateFile)));
                PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(readPem(publicFile)));
                return new JwtIssuer(privateKey, publicKey, publicFile);
            }
            Files.createDirectories(dir);
            KeyPair pair = newKeyPair();
            Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            ownerOnly(privateFile);
            Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return new JwtIssuer(pair.getPrivate(), pair.getPublic(), publicFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable JWT keys in " + dir, e);
        }
    }

    public String issuer() {
        return ISSUER;
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    public Path publicKeyFile() {
        if (publicKeyFile == null) {
            throw new IllegalStateException("This issuer's keys live in memory only");
        }
        return publicKeyFile;
    }

    /**
     * A token for {@code subject} with one role in {@code groups} (what {@code @RolesAllowed} checks) and extra
     * string claims such as {@code territory} or {@code chantier}, valid for {@code ttl}.
     */
    public String issue(String subject, String role, Map<String, String> extraClaims, Duration ttl) {
        for (String name : extraClaims.keySet()) {
            if (RESERVED.contains(name)) {
                throw new IllegalArgumentException("Claim " + name + " is set by the issuer itself");
            }
        }
        Instant now = Instant.now();
        StringBuilder claims = new StringBuilder("{");
        claims.append(field("iss", ISSUER)).append(',')
                .append(field("sub", subject)).append(',')
                .append(field("upn", subject)).append(',')
                .append(field("jti", UUID.randomUUID().toString())).append(',')
                .append("\"groups\":[").append(quote(role)).append("],")
                .append("\"iat\":").append(now.getEpochSecond()).append(',')
                .append("\"exp\":").append(now.plus(ttl).getEpochSecond());
        extraClaims.forEach((name, value) -> claims.append(',').append(field(name, value)));
        claims.append('}');
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"local\"}";
        String signingInput = encode(header) + "." + encode(claims.toString());
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    /** The private key signs tokens for any role: keep it from other users of the machine where possible. */
    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's folder permissions apply.
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String field(String name, String value) {
        return quote(name) + ":" + quote(value);
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] readPem(Path file) throws IOException {
        String body = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
