package io.langnghe.photos;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The S3-compatible bucket of {@code langnghe.photos.store: s3}. The access key and secret are
 * secrets ({@code langnghe.secrets.photos-s3-access-key}, {@code photos-s3-secret-key}).
 *
 * @param endpoint  e.g. {@code https://s3.example.vn} for MinIO, Ceph or a Vietnamese cloud's object
 *                  storage; empty for AWS itself
 * @param pathStyle {@code endpoint/bucket/key} rather than {@code bucket.endpoint/key}: what most
 *                  S3-compatible servers expect
 */
@ConfigurationProperties("langnghe.photos.s3")
public record S3PhotoSettings(
        @Nullable String endpoint,
        @Nullable String bucket,
        @Bindable(defaultValue = "us-east-1") String region,
        @Bindable(defaultValue = "true") boolean pathStyle) {
}
