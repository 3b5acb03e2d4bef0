package org.convergence.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void aChantierStaffTokenCarriesItsRoleAndScopeAndIsSignedWithTheLocalStacksKey() throws Exception {
        String token = mint("--role", "chantier-staff", "--territory", "lyon", "--chantier", "fndsa");

        JsonNode claims = verifiedClaims(token, dataDir.resolve("keys/jwt-public.pem"));
        assertEquals(List.of("chantier-staff"), JSON.convertValue(claims.get("groups"), List.class));
        assertEquals("lyon", claims.get("territory").asText());
        assertEquals("fndsa", claims.get("chantier").asText());
        assertEquals("local-chantier-staff-lyon-fndsa", claims.get("sub").asText());
        assertEquals(12 * 3600, claims.get("exp").asLong() - claims.get("iat").asLong());
    }

    @Test
    void aRoleTheLauncherNeverHeardOfGetsWhateverClaimsItIsGiven() throws Exception {
        String token = mint("--role", "employer", "--employer", "acme-btp", "--valid", "30m", "--subject", "alice");

        JsonNode claims = verifiedClaims(token, dataDir.resolve("keys/jwt-public.pem"));
        assertEquals("employer", claims.at("/groups/0").asText());
        assertEquals("acme-btp", claims.get("employer").asText());
        assertEquals("alice", claims.get("sub").asText());
        assertTrue(claims.get("exp").asLong() <= Instant.now().plusSeconds(30 * 60 + 5).getEpochSecond());
    }

    @Test
    void tokensMintedLaterAreSignedWithTheSameKeyThatTheRunningStackTrusts() throws Exception {
        String first = mint("--role", "national");
        String publicKey = Files.readString(dataDir.resolve("keys/jwt-public.pem"));
        String second = mint("--role", "evaluator");

        assertEquals(publicKey, Files.readString(dataDir.resolve("keys/jwt-public.pem")));
        verifiedClaims(first, dataDir.resolve("keys/jwt-public.pem"));
        verifiedClaims(second, dataDir.resolve("keys/jwt-public.pem"));
    }

    @Test
    void aMissingRoleAMalformedOptionOrAnIssuerClaimIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> mint("--territory", "lyon"));
        assertThrows(IllegalArgumentException.class, () -> mint("--role", "national", "--territory"));
        assertThrows(IllegalArgumentException.class, () -> mint("--role", "national", "--valid", "forever"));
        assertThrows(IllegalArgumentException.class, () -> mint("--role", "national", "--Bad.Name", "x"));
        assertThrows(IllegalArgumentException.class, () -> mint("--role", "national", "--iss", "someone-else"));
    }

    private String mint(String... args) {
        return TokenCommand.mint(TokenCommand.parse(List.of(args), dataDir));
    }

    /** The token's claims, after checking its RS256 signature against the public key file. */
    private static JsonNode verifiedClaims(String token, Path publicKeyFile) throws Exception {
        String[] parts = token.split("\\.");
        String pem = Files.readString(publicKeyFile).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(pem)));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(key);
        signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(signature.verify(Base64.getUrlDecoder().decode(parts[2])), "signed with the data folder's key");
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }
}
