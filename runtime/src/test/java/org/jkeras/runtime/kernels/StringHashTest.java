package org.jkeras.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * Known vectors computed by TensorFlow 2.21: {@code tf.strings.to_hash_bucket_fast(s, 2**63 - 1)},
 * {@code to_hash_bucket_strong(s, 2**63 - 1, key=[123456789, 987654321])},
 * {@code to_hash_bucket_strong(s, 1000003, key=[-5, 2**62 + 7])} and {@code to_hash_bucket_fast(s, 7)}, on UTF-8
 * strings of every length class of FarmHash (0, 1-3, 4-7, 8-16, 17-32, 33-64, over 64 bytes) and non-ASCII text.
 */
class StringHashTest {
    private static final Object[][] VECTORS = {
            {"", "1936946117179621456", "7299653973577703873", "812225", "6"},
            {"a", "3694432073954588132", "5991957970072777271", "559762", "5"},
            {"ab", "3066228220894225695", "3536874629657552418", "719940", "0"},
            {"abc", "2640714258260161385", "4033810391905964642", "803034", "1"},
            {"abcd", "1897425971756105985", "3609165061037279844", "972321", "5"},
            {"hello", "3786372426573024489", "1841346816425267620", "649783", "5"},
            {"1234567", "7403371938570208423", "5341740132340758669", "789714", "4"},
            {"12345678", "3430003927990384362", "8017014343334849250", "855465", "2"},
            {"0123456789abcdef", "6105018409752412263", "7587211638346344848", "474547", "1"},
            {"0123456789abcdefg", "2800675501336285771", "1363201962852602089", "595148", "2"},
            {"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "5265493245336272416", "1761117781811041318", "104218", "6"},
            {"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy", "6963001497674513743", "2055430013891149414", "80767", "4"},
            {"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "6594686257597725552", "2702022890000651871", "132970", "6"},
            {"the quick brown fox jumps over the lazy dog", "3200379034145657812", "8564043634066726534", "81282", "0"},
            {"qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq", "7839288502534202488", "5570114481561434711", "107385", "5"},
            {"rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr", "8125297036318867178", "5443732406470826008", "219512", "4"},
            {"The quick brown fox jumps over the lazy dog, then over the lazy cat, and finally over everything else: 0123456789The quick brown fox jumps over the lazy dog, then over the lazy cat, and finally over everything else: 0123456789", "3169521570055055510", "5977332050143670240", "946420", "1"},
            {"h\u00e9llo w\u00f6rld", "9001971122424596627", "8883156440901794013", "323248", "3"},
            {"\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8", "3319086538622314836", "3561193339383110931", "72544", "5"},
            {"\ud83d\ude00 emoji", "2801259310359384557", "456459121642894014", "248232", "4"},
            {"-1", "7333874265151076430", "2526803980189831818", "62959", "4"},
            {"0", "5975597238397796928", "5915780267155304192", "127065", "2"},
            {"42", "623910487284905736", "3810073382990568470", "525777", "6"},
            {"-9223372036854775808", "1493431938208774112", "4287507685647005725", "245787", "3"},
    };

    @Test
    void matchesTensorFlowBuckets() {
        for (Object[] v : VECTORS) {
            byte[] s = ((String) v[0]).getBytes(StandardCharsets.UTF_8);
            String what = "'" + v[0] + "'";
            assertEquals(Long.parseLong((String) v[1]), StringHash.bucketFast(s, Long.MAX_VALUE), what + " fast");
            assertEquals(Long.parseLong((String) v[2]), StringHash.bucketStrong(s, Long.MAX_VALUE, 123456789L, 987654321L), what + " strong");
            assertEquals(Long.parseLong((String) v[3]), StringHash.bucketStrong(s, 1000003, -5L, (1L << 62) + 7), what + " strong, other key");
            assertEquals(Long.parseLong((String) v[4]), StringHash.bucketFast(s, 7), what + " fast, 7 buckets");
        }
    }
}
