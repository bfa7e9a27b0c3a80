import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * Makes a copied results folder's embedded store (cp -a of a benchmark folder) its own: rewrites every run's
 * origin and folder from the old path to the new one, then compacts the file, so that the copy syncs as
 * "nothing changed" after one rescan instead of indexing every run again. No process may have the store open.
 * Usage: java -cp H2_JAR benchmarks/store/Reorigin.java COPY/results/.store/runs OLD_PREFIX NEW_PREFIX
 *   e.g. ... /work/bench-store/q100k/results/.store/runs /work/bench-store/r100k/ /work/bench-store/q100k/
 */
public class Reorigin {
    public static void main(String[] args) throws Exception {
        try (Connection c = new org.h2.Driver().connect("jdbc:h2:file:" + args[0], new Properties())) {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE wb_runs SET origin = REPLACE(origin, ?, ?), folder = REPLACE(folder, ?, ?)")) {
                s.setString(1, args[1]);
                s.setString(2, args[2]);
                s.setString(3, args[1]);
                s.setString(4, args[2]);
                System.out.println(s.executeUpdate() + " runs");
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT origin, COUNT(*) FROM wb_runs GROUP BY origin")) {
                while (rs.next()) {
                    System.out.println(rs.getString(1) + ": " + rs.getInt(2));
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
        }
    }
}
