package org.jkeras.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A model's files as bytes: read once on the driver, broadcast, and loaded from on each executor. A plain class
 * with final fields, so both Java serialisation and Kryo (whichever {@code spark.serializer} is) carry it.
 */
final class ModelBytes implements Serializable {
    private static final long serialVersionUID = 1L;
    /** A Java array holds at most this many bytes. */
    private static final long MAX_BYTES = Integer.MAX_VALUE - 16;

    final String uri;
    final byte[] model;
    final String weightsUri; // null unless the model is a to_json() config
    final byte[] weights;
    final String sha256;     // of the model's bytes and then the weights': the executors' cache key

    ModelBytes(String uri, byte[] model, String weightsUri, byte[] weights) {
        this.uri = uri;
        this.model = model;
        this.weightsUri = weightsUri;
        this.weights = weights;
        this.sha256 = sha256(model, weights);
    }

    /** Reads the model (and weights, when given) through Hadoop's file systems: hdfs:, s3a:, abfss:, gs:, file:, … */
    static ModelBytes read(Configuration hadoop, String uri, String weightsUri) {
        return new ModelBytes(uri, readFile(hadoop, uri), weightsUri, weightsUri == null ? null : readFile(hadoop, weightsUri));
    }

    static byte[] readFile(Configuration hadoop, String uri) {
        try {
            Path p = new Path(uri);
            FileSystem fs = p.getFileSystem(hadoop);
            long length = fs.getFileStatus(p).getLen();
            if (length > MAX_BYTES) throw new KerasSparkException(uri + ": " + length + " bytes: a model file must be under 2 GB");
            try (InputStream in = fs.open(p)) {
                return in.readAllBytes();
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new KerasSparkException(uri + ": cannot read the model file: " + e.getMessage(), e);
        }
    }

    /** The file name the URI ends in ({@code model.keras}). */
    static String fileName(String uri) {
        return new Path(uri).getName();
    }

    private static String sha256(byte[] model, byte[] weights) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(model);
            if (weights != null) d.update(weights);
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
