package org.workbench.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswerFileTest {
    @TempDir
    Path dir;

    @Test
    void readsFrontMatterAndSectionsInOrder() throws IOException {
        Path f = dir.resolve("p1-2ab-mle-map.md");
        Files.writeString(f, "---\nquestions: 1.2a 1.2b\norder: 2\n---\n## Question\nQ text\n\n## Answer\nA {{x}}\n\n"
                + "## Numbers\n| a |\n|---|\n| 1 |\n");
        AnswerFile a = AnswerFile.read(f);
        assertEquals("p1-2ab-mle-map", a.base());
        assertEquals(List.of("1.2a", "1.2b"), a.questions());
        assertEquals(2, a.order());
        assertEquals(List.of("Question", "Answer", "Numbers"), List.copyOf(a.sections().keySet()));
        assertEquals("A {{x}}", a.section("Answer"));
        assertEquals("", a.section("Derivation"));
    }

    @Test
    void aBadOrderNamesTheFile() throws IOException {
        Path f = dir.resolve("x.md");
        Files.writeString(f, "---\nquestions: 1.1\norder: first\n---\n## Question\nq\n");
        IOException e = assertThrows(IOException.class, () -> AnswerFile.read(f));
        assertEquals(f + ": front matter 'order' must be a whole number, got 'first'", e.getMessage());
    }

    @Test
    void thePlotsThatSupportTheAnswerAndTheFoldedSection() throws IOException {
        Path f = dir.resolve("p4.md");
        Files.writeString(f, "---\nquestions: 4\nplot: a.png, b.png\n---\n## Question\nq\n## Answer\na\n"
                + "## How it was computed\nthe tool\n");
        AnswerFile a = AnswerFile.read(f);
        assertEquals(List.of("a.png", "b.png"), a.plots());
        assertEquals("the tool", a.section(AnswerFile.COMPUTED));
        Files.writeString(f, "---\nquestions: 2.2\nplot: none\n---\n## Question\nq\n");
        assertEquals(List.of(), AnswerFile.read(f).plots());
    }
}
