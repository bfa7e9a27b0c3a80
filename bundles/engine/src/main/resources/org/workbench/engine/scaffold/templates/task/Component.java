package {{package}};

import java.util.SplittableRandom;

import org.workbench.api.ResultTree;
import org.workbench.api.Task;
import org.workbench.api.TaskContext;

/**
 * Estimates pi by throwing darts: points uniform in the unit square, 4 times the fraction that lands
 * inside the quarter circle. At each of {@code checkpoints} equally spaced counts it records the
 * estimate, its standard error 4 sqrt(p (1 - p) / n) and its distance from pi under {@code trace}, and
 * the final ones at the top. The run's random stream comes from the context, so a seed repeats a run.
 */
final class {{exampleClass}} implements Task {
    private final long samples;
    private final int checkpoints;

    {{exampleClass}}(long samples, int checkpoints) {
        this.samples = samples;
        this.checkpoints = checkpoints;
    }

    @Override
    public void run(TaskContext context) {
        SplittableRandom random = context.random();
        ResultTree results = context.results();
        long thrown = 0;
        long inside = 0;
        for (int k = 1; k <= checkpoints; k++) {
            long until = samples * k / checkpoints;
            for (; thrown < until; thrown++) {
                double x = random.nextDouble();
                double y = random.nextDouble();
                if (x * x + y * y <= 1.0) {
                    inside++;
                }
            }
            double p = (double) inside / thrown;
            results.append("trace", new ResultTree().put("samples", thrown).put("estimate", 4 * p)
                    .put("stderr", 4 * Math.sqrt(p * (1 - p) / thrown)).put("error", Math.abs(4 * p - Math.PI)));
        }
        double p = (double) inside / thrown;
        results.put("samples", thrown).put("estimate", 4 * p).put("stderr", 4 * Math.sqrt(p * (1 - p) / thrown));
    }
}
