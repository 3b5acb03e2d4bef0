package org.convergence.embedded;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JwtIssuerTest {

    @Test
    void aTokenIsSignedByTheKeyAndCarriesItsClaims() throws Exception {
        JwtIssuer issuer = JwtIssuer.generate();
        String token = issuer.issue("coord-1", "territory-coordinator",
                Map.of("territory", "lyon", "chantier", "quai \"9\""), Duration.ofMinutes(5));
        assertFalse(token.contains("="), "base64url without padding");
        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);

        assertTrue(verifies(issuer.publicKeyPem(), parts[0] + "." + parts[1], parts[2]));
        assertFalse(verifies(issuer.publicKeyPem(), parts[0] + "." + parts[1] + "x", parts[2]), "tampered payload");
        assertFalse(verifies(JwtIssuer.generate().publicKeyPem(), parts[0] + "." + parts[1], parts[2]), "other key");

        JsonObject header = json(parts[0]);
        assertEquals("RS256", header.getString("alg"));
        assertEquals("JWT", header.getString("typ"));
        assertEquals("local", header.getString("kid"));

        JsonObject claims = json(parts[1]);
        assertEquals("https://convergence.local/issuer", claims.getString("iss"));
        assertEquals(issuer.issuer(), claims.getString("iss"));
        assertEquals("coord-1", claims.getString("sub"));
        assertEquals("coord-1", claims.getString("upn"));
        assertEquals(1, claims.getJsonArray("groups").size());
        assertEquals("territory-coordinator", claims.getJsonArray("groups").getString(0));
        assertEquals(300, claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue());
        assertTrue(Math.abs(claims.getJsonNumber("iat").longValue() - System.currentTimeMillis() / 1000) < 60);
        UUID.fromString(claims.getString("jti"));
        assertEquals("lyon", claims.getString("territory"));
        assertEquals("quai \"9\"", claims.getString("chantier"), "escaped in JSON, intact once parsed");
    }

    /** What Quarkus does with mp.jwt.verify.publickey and mp.jwt.verify.issuer, by the same library. */
    @Test
    void smallryeJwtAcceptsTheTokenWithThePemAndTheIssuer() throws Exception {
        JwtIssuer issuer = JwtIssuer.generate();
        String token = issuer.issue("staff-1", "chantier-staff", Map.of("territory", "paris", "chantier", "emmaus"),
                Duration.ofMinutes(5));

        JWTAuthContextInfo context = new JWTAuthContextInfo();
        context.setPublicKeyContent(issuer.publicKeyPem());
        context.setIssuedBy(issuer.issuer());
        JsonWebToken jwt = new DefaultJWTParser(context).parse(token);
        assertEquals("staff-1", jwt.getName());
        assertEquals(Set.of("chantier-staff"), jwt.getGroups());
        assertEquals("paris", jwt.getClaim("territory").toString());
        assertEquals("emmaus", jwt.getClaim("chantier").toString());

        JWTAuthContextInfo otherIssuer = new JWTAuthContextInfo();
        otherIssuer.setPublicKeyContent(issuer.publicKeyPem());
        otherIssuer.setIssuedBy("https://someone.else/issuer");
        assertThrows(ParseException.class, () -> new DefaultJWTParser(otherIssuer).parse(token));

        String expired = issuer.issue("staff-1", "chantier-staff", Map.of(), Duration.ofMinutes(-10));
        assertThrows(ParseException.class, () -> new DefaultJWTParser(context).parse(expired));
    }

    @Test
    void keysLoadedFromAFolderStayTheSameAndVerifyThroughTheFile() throws Exception {
        Path dir = Path.of("target", "keys-" + UUID.randomUUID());
        JwtIssuer first = JwtIssuer.loadOrCreate(dir);
        assertTrue(Files.exists(dir.resolve("jwt-private.pem")));
        assertTrue(Files.readString(dir.resolve("jwt-private.pem")).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertEquals(dir.resolve("jwt-public.pem"), first.publicKeyFile());
        assertEquals(first.publicKeyPem(), Files.readString(first.publicKeyFile()));

        JwtIssuer second = JwtIssuer.loadOrCreate(dir);
        assertEquals(first.publicKeyPem(), second.publicKeyPem());

        // A token from before the "restart" is still accepted, through mp.jwt.verify.publickey.location.
        String token = first.issue("national-1", "national", Map.of(), Duration.ofMinutes(5));
        JWTAuthContextInfo context = new JWTAuthContextInfo();
        context.setPublicKeyLocation(second.publicKeyFile().toAbsolutePath().toUri().toString());
        context.setIssuedBy(second.issuer());
        assertEquals(Set.of("national"), new DefaultJWTParser(context).parse(token).getGroups());
    }

    @Test
    void theIssuerOwnsTheStandardClaims() {
        JwtIssuer issuer = JwtIssuer.generate();
        assertThrows(IllegalArgumentException.class,
                () -> issuer.issue("a", "national", Map.of("groups", "admin"), Duration.ofMinutes(1)));
        assertThrows(IllegalStateException.class, issuer::publicKeyFile);
    }

    private static JsonObject json(String base64url) {
        String text = new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static boolean verifies(String pem, String input, String signature) throws Exception {
        byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(key);
        verifier.update(input.getBytes(StandardCharsets.US_ASCII));
        return verifier.verify(Base64.getUrlDecoder().decode(signature));
    }
}
