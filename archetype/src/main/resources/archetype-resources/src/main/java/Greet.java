package ${package};

import org.actionhero4j.Action;
import org.actionhero4j.ActionContext;
import org.actionhero4j.ActionDefinition;
import org.actionhero4j.Input;

/** {@code greet}: over HTTP ({@code /api/greet?name=Ada}) and over the socket alike. */
public final class Greet implements Action {

  /** The response; a record is serialised by Jackson. */
  public record Greeting(String greeting) {}

  @Override
  public ActionDefinition definition() {
    return ActionDefinition.named("greet")
        .description("greets someone, several times if asked")
        .input(Input.named("name").asString().required().description("who to greet"))
        .input(Input.named("times").asInteger().defaultValue(1).validate(t -> t >= 1 && t <= 5, "times must be 1 to 5"))
        .outputExample(new Greeting("Hello, Ada!"))
        .build();
  }

  @Override
  public Greeting run(ActionContext ctx) {
    String name = ctx.param("name", String.class);
    int times = ctx.param("times", Integer.class);
    return new Greeting(("Hello, " + name + "! ").repeat(times).trim());
  }
}
