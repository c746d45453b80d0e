package io.langnghe.photos;

import io.micronaut.context.exceptions.ConfigurationException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.net.URI;
import java.time.Duration;

/**
 * Photos in an S3-compatible bucket, under the same content names as the directory store. A photo
 * already there is not sent again. When the store does not answer, the petition is refused with a
 * 503 (send again later, {@link PhotoStoreUnavailableException}) before anything reaches Kafka: an event never points at a photo that is not kept.
 */
public final class S3PhotoStore implements PhotoStore {

    private final S3Client client;
    private final String bucket;

    S3PhotoStore(S3Client client, String bucket) {
        this.client = client;
        this.bucket = bucket;
    }

    public static S3PhotoStore connect(S3PhotoSettings settings, String accessKey, String secretKey) {
        if (settings.bucket() == null || settings.bucket().isBlank()) {
            throw new ConfigurationException("langnghe.photos.store is s3 but langnghe.photos.s3.bucket (LANGNGHE_PHOTOS_S3_BUCKET) is not set");
        }
        var builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .forcePathStyle(settings.pathStyle())
                // A petition waits for its photos: a store that hangs must not hold the resident long.
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(10))
                        .build());
        if (settings.endpoint() != null && !settings.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(settings.endpoint().strip()));
        }
        return new S3PhotoStore(builder.build(), settings.bucket().strip());
    }

    @Override
    public String put(Photo photo) {
        String reference = PhotoStore.reference(photo);
        try {
            if (exists(reference)) {
                return reference;
            }
            client.putObject(p -> p.bucket(bucket).key(reference).contentType(photo.kind().mediaType())
                    .contentLength((long) photo.bytes().length), RequestBody.fromBytes(photo.bytes()));
            return reference;
        } catch (SdkException e) {
            throw new PhotoStoreUnavailableException("the photo store did not keep " + reference, e);
        }
    }

    @Override
    public byte[] get(String reference) {
        PhotoStore.checkReference(reference);
        try {
            return client.getObjectAsBytes(g -> g.bucket(bucket).key(reference)).asByteArray();
        } catch (NoSuchKeyException e) {
            throw new PhotoMissingException(reference, e);
        } catch (SdkException e) {
            throw new PhotoStoreUnavailableException("the photo store did not give back " + reference, e);
        }
    }

    private boolean exists(String reference) {
        try {
            client.headObject(h -> h.bucket(bucket).key(reference));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
