package org.convergence.embedded;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JwtIssuerTest {

    @Test
    void aTokenIsSignedByTheKeyAndCarriesItsClaims() throws Exception {
        JwtIssuer issuer = JwtIssuer.generate();
        String token = issuer.issue("coord-1", "territory-coordinator", Map.of("territory", "lyon"), Duration.ofMinutes(5));
        String[] parts = token.split("\\.");

        assertTrue(verifies(issuer.publicKeyPem(), parts[0] + "." + parts[1], parts[2]));
        assertFalse(verifies(issuer.publicKeyPem(), parts[0] + "." + parts[1] + "x", parts[2]));
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"groups\":[\"territory-coordinator\"]"), claims);
        assertTrue(claims.contains("\"territory\":\"lyon\""), claims);
        assertTrue(claims.contains("\"iss\":\"" + JwtIssuer.ISSUER + "\""), claims);
    }

    @Test
    void keysLoadedFromAFolderStayTheSame() {
        Path dir = Path.of("target", "keys-" + UUID.randomUUID());
        assertEquals(JwtIssuer.loadOrCreate(dir).publicKeyPem(), JwtIssuer.loadOrCreate(dir).publicKeyPem());
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
