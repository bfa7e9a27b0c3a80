// The CPU cost of a stat per run folder from Java, three ways (Files.readAttributes, fstatat through
// SecureDirectoryStream, File.lastModified), six passes over every run folder of a results folder.
// Usage: java benchmarks/store/StatBench.java DIR/results   (docs/run-store.md, "Why not a stat per run")
import java.nio.file.*;
import java.nio.file.attribute.*;
import java.util.*;
import java.lang.management.*;
public class StatBench {
  public static void main(String[] a) throws Exception {
    Path root = Path.of(a[0]);
    List<Path> exps = new ArrayList<>();
    try (DirectoryStream<Path> d = Files.newDirectoryStream(root)) { for (Path p : d) if (!p.getFileName().toString().startsWith(".")) exps.add(p); }
    Map<Path,List<String>> runs = new HashMap<>();
    for (Path e : exps) { List<String> l = new ArrayList<>(); try (DirectoryStream<Path> d = Files.newDirectoryStream(e)) { for (Path p : d) l.add(p.getFileName().toString()); } runs.put(e,l); }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int rep = 0; rep < 6; rep++) {
      long t0=System.nanoTime(), c0=mx.getCurrentThreadCpuTime(); long s=0;
      for (Path e : exps) for (String r : runs.get(e)) s += Files.readAttributes(e.resolve(r), BasicFileAttributes.class).lastModifiedTime().toMillis();
      long t1=System.nanoTime(), c1=mx.getCurrentThreadCpuTime();
      for (Path e : exps) { try (DirectoryStream<Path> d = Files.newDirectoryStream(e)) { SecureDirectoryStream<Path> sd = (SecureDirectoryStream<Path>) d;
        for (String r : runs.get(e)) s += sd.getFileAttributeView(Path.of(r), BasicFileAttributeView.class).readAttributes().lastModifiedTime().toMillis(); } }
      long t2=System.nanoTime(), c2=mx.getCurrentThreadCpuTime();
      for (Path e : exps) for (String r : runs.get(e)) s += e.resolve(r).toFile().lastModified();
      long t3=System.nanoTime(), c3=mx.getCurrentThreadCpuTime();
      for (Path e : exps) s += Files.getLastModifiedTime(e).toMillis();
      long t4=System.nanoTime(), c4=mx.getCurrentThreadCpuTime();
      System.out.printf("readAttributes %.0f ms (cpu %.0f), fstatat %.0f ms (cpu %.0f), File.lastModified %.0f ms (cpu %.0f), exp dirs %.2f ms  %d%n",
        (t1-t0)/1e6,(c1-c0)/1e6,(t2-t1)/1e6,(c2-c1)/1e6,(t3-t2)/1e6,(c3-c2)/1e6,(t4-t3)/1e6, s%7);
    }
  }
}
