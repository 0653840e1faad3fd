package nl.wijkzaken.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Latencies per operation (nanoseconds), with percentiles by sorting: runs are small enough to keep every sample. */
final class Latencies {

    private final Map<String, List<Long>> samples = new ConcurrentHashMap<>();

    void record(String operation, long nanos) {
        samples.computeIfAbsent(operation, o -> java.util.Collections.synchronizedList(new ArrayList<>())).add(nanos);
    }

    /** Runs the call and records how long it took. */
    <T> T time(String operation, ThrowingSupplier<T> call) throws Exception {
        long start = System.nanoTime();
        try {
            return call.get();
        } finally {
            record(operation, System.nanoTime() - start);
        }
    }

    int count(String operation) {
        List<Long> list = samples.get(operation);
        return list == null ? 0 : list.size();
    }

    /** The p-th percentile in milliseconds (nearest rank), NaN without samples. */
    double percentileMs(String operation, double p) {
        List<Long> list = samples.get(operation);
        if (list == null || list.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted;
        synchronized (list) {
            sorted = list.stream().mapToLong(Long::longValue).toArray();
        }
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    double meanMs(String operation) {
        List<Long> list = samples.get(operation);
        if (list == null || list.isEmpty()) {
            return Double.NaN;
        }
        synchronized (list) {
            return list.stream().mapToLong(Long::longValue).average().orElse(Double.NaN) / 1e6;
        }
    }

    @FunctionalInterface
    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
