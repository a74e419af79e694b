package org.actionhero4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package structure of core, read from its compiled classes with the JDK's {@code jdeps}. */
class ArchitectureTest {

  private static final String ROOT = "org.actionhero4j";
  private static final Map<String, Set<String>> dependsOn = new TreeMap<>();

  @BeforeAll
  static void readPackageGraph() throws URISyntaxException {
    Path classes = Path.of(Actionhero.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("no jdeps in this JDK"));
    StringWriter out = new StringWriter();
    int exit =
        jdeps.run(
            new PrintWriter(out), new PrintWriter(out), "-verbose:package", "-e", "org\\.actionhero4j\\..*|org\\.actionhero4j",
            classes.toString());
    assertEquals(0, exit, out.toString());
    for (String line : out.toString().split("\\R")) {
      String[] words = line.trim().split("\\s+");
      if (words.length >= 3 && words[1].equals("->") && words[0].startsWith(ROOT) && words[2].startsWith(ROOT)) {
        dependsOn.computeIfAbsent(words[0], k -> new TreeSet<>());
        if (!words[0].equals(words[2])) {
          dependsOn.get(words[0]).add(words[2]);
        }
      }
    }
    assertTrue(dependsOn.size() > 10, "jdeps saw core's packages: " + out);
  }

  @Test
  void noPackageOfCoreDependsOnItselfThroughOthers() {
    List<List<String>> cycles = stronglyConnected().stream().filter(c -> c.size() > 1).toList();

    assertEquals(List.of(), cycles, "package cycles in core");
  }

  @Test
  void theApiTheSpiAndConfigKnowNothingInternal() {
    for (String pkg : List.of(ROOT, ROOT + ".spi", ROOT + ".spi.support", ROOT + ".config")) {
      Set<String> deps = dependsOn.getOrDefault(pkg, Set.of());
      assertTrue(
          deps.stream().noneMatch(d -> d.startsWith(ROOT + ".internal")),
          pkg + " depends on " + deps);
    }
  }

  @Test
  void theCompositionRootIsImportedByNoOtherPackage() {
    dependsOn.forEach(
        (pkg, deps) ->
            assertTrue(
                pkg.equals(ROOT + ".internal.boot") || !deps.contains(ROOT + ".internal.boot"),
                pkg + " depends on the composition root"));
  }

  /** Tarjan's algorithm over the package graph. */
  private static List<List<String>> stronglyConnected() {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<List<String>> components = new ArrayList<>();
    int[] counter = {0};
    for (String v : dependsOn.keySet()) {
      if (!index.containsKey(v)) {
        visit(v, index, low, stack, onStack, components, counter);
      }
    }
    return components;
  }

  private static void visit(
      String v,
      Map<String, Integer> index,
      Map<String, Integer> low,
      Deque<String> stack,
      Set<String> onStack,
      List<List<String>> components,
      int[] counter) {
    index.put(v, counter[0]);
    low.put(v, counter[0]);
    counter[0]++;
    stack.push(v);
    onStack.add(v);
    for (String w : dependsOn.getOrDefault(v, Set.of())) {
      if (!index.containsKey(w)) {
        visit(w, index, low, stack, onStack, components, counter);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      List<String> component = new ArrayList<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        component.add(w);
      } while (!w.equals(v));
      components.add(component);
    }
  }
}
