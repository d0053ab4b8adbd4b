package io.orderpayment.testsupport;

import java.util.Arrays;

/** Reads values out of a Prometheus text scrape ({@code /actuator/prometheus}). */
public final class PrometheusScrape {

    private PrometheusScrape() {
    }

    /**
     * The value of {@code series}: either one series with its labels ({@code name{a="b"}}), or a
     * metric name, whose series are summed over all their labels.
     *
     * @throws AssertionError when the scrape has no such series
     */
    public static double value(String scrape, String series) {
        double[] values = scrape.lines()
                .filter(line -> !line.startsWith("#"))
                .filter(line -> line.startsWith(series + " ") || (!series.contains("{") && line.startsWith(series + "{")))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .toArray();
        if (values.length == 0) {
            throw new AssertionError(series + " not in the scrape");
        }
        return Arrays.stream(values).sum();
    }
}
