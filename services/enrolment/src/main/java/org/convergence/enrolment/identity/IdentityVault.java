package org.convergence.enrolment.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.types.Binary;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Seals identities with a key per participant (AES-256-GCM, the participant id as associated data) and
 * forgets them by deleting that key: crypto-shredding. The sealed identity may sit in the event store and its
 * backups forever; once the key is gone nobody can read it. Keys live in their own database
 * ({@code enrolment.keys-database}) so that they can have their own, short, backup retention, and so that the
 * embedded server keeps them in a file it rewrites after each deletion: an erased key then reaches no disk
 * (ADR 0013). That server recognises such a database by its name, hence the required {@code _keys} suffix.
 */
@ApplicationScoped
public class IdentityVault {

    /** The embedded server keeps databases so named apart and erases their deletions physically (ADR 0013). */
    static final String KEYS_DATABASE_SUFFIX = "_keys";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MongoCollection<Document> keys;
    private final SecureRandom random = new SecureRandom();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    public IdentityVault(MongoClient client,
                         @ConfigProperty(name = "enrolment.keys-database", defaultValue = "enrolment_keys")
                         String keysDatabase) {
        if (!keysDatabase.endsWith(KEYS_DATABASE_SUFFIX)) {
            throw new IllegalArgumentException("enrolment.keys-database must end with " + KEYS_DATABASE_SUFFIX
                    + " (the embedded server erases deleted keys physically only there), got " + keysDatabase);
        }
        this.keys = client.getDatabase(keysDatabase).getCollection("participant_keys");
    }

    public String seal(String participantId, Identity identity) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keyOf(participantId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(participantId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(json.writeValueAsBytes(identity));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot seal an identity", e);
        }
    }

    /** The identity, or empty once the participant's key was erased. */
    public Optional<Identity> open(String participantId, String sealedIdentity) {
        Optional<SecretKey> key = existingKey(participantId);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sealedIdentity);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(participantId.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
            return Optional.of(json.readValue(plain, Identity.class));
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("Cannot open the identity of " + participantId, e);
        }
    }

    /** Forgets the key: every sealed copy of this participant's identity becomes unreadable. */
    public void shred(String participantId) {
        keys.deleteOne(Filters.eq("_id", participantId));
    }

    private SecretKey keyOf(String participantId) throws GeneralSecurityException {
        Optional<SecretKey> existing = existingKey(participantId);
        if (existing.isPresent()) {
            return existing.get();
        }
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256, random);
        SecretKey key = generator.generateKey();
        try {
            keys.insertOne(new Document("_id", participantId).append("key", new Binary(key.getEncoded())));
            return key;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return existingKey(participantId).orElseThrow(); // another request created it first
            }
            throw e;
        }
    }

    private Optional<SecretKey> existingKey(String participantId) {
        Document document = keys.find(Filters.eq("_id", participantId)).first();
        return Optional.ofNullable(document)
                .map(d -> new SecretKeySpec(d.get("key", Binary.class).getData(), "AES"));
    }
}
