package org.actionhero4j.testing;

import static org.actionhero4j.fuzz.Bounded.assertProportionate;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.actionhero4j.Actionhero;
import org.actionhero4j.ActionheroException;
import org.actionhero4j.ChatRooms;
import org.actionhero4j.TestApps;
import org.actionhero4j.fuzz.Bounded;
import org.actionhero4j.fuzz.Fuzz;
import org.actionhero4j.testing.Hostile;
import org.actionhero4j.fuzz.Sizes;
import org.actionhero4j.fuzz.TypedApp;
import org.actionhero4j.internal.ErrorTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes, through the public test kit, what a decoded request turns into: the verbs and their
 * words (room names against {@code general.maxRoomNameLength} and {@code general.maxRooms}), and
 * typed input conversion of hostile params. A verb answers with data or an
 * {@link ActionheroException}; an action with a response that may carry an {@code error}, never
 * the internal one; the rooms stay within their bounds.
 */
class TestKitFuzzTest {


  private static Actionhero app;
  private static SpecHelper spec;
  private static ChatRooms rooms;
  private static String internalError;

  @BeforeAll
  static void start() throws Exception {
    app = TypedApp.start();
    spec = SpecHelper.of(app);
    rooms = app.injector().getInstance(ChatRooms.class);
    internalError = new ErrorTexts(app.config().errors()).internalError();
  }

  @AfterAll
  static void stop() {
    TestApps.stop(app);
  }

  /** A verb and its words. */
  record Call(String verb, List<Object> words) {}

  private static final String[] VERBS = {
    "roomAdd", "roomLeave", "roomView", "say", "detailsView", "paramAdd", "paramView", "paramsView",
    "paramDelete", "paramsDelete"
  };

  private static Call call(Random r) {
    String verb = r.nextInt(10) == 0 ? Hostile.word(r) : VERBS[r.nextInt(VERBS.length)];
    List<Object> words = new ArrayList<>();
    int n = r.nextInt(3);
    for (int i = 0; i < n; i++) {
      words.add(
          switch (r.nextInt(4)) {
            case 0 -> "room" + r.nextInt(TypedApp.MAX_ROOMS * 2);
            case 1 -> Hostile.text(r, TypedApp.MAX_ROOM_NAME_LENGTH * 2);
            default -> TypedApp.value(r);
          });
    }
    return new Call(verb, words);
  }

  @Test
  void aVerbAnswersDataOrItsErrorAndRoomsStayBounded() {
    Fuzz.run(
        TestKitFuzzTest::call,
        calls -> {
          TestConnection c = spec.connection();
          try {
            Bounded.each(
                calls,
                Bounded.only(ActionheroException.class),
                call -> c.verb(call.verb(), call.words().toArray()),
                (call, data) -> {
                  List<String> list = rooms.list();
                  assertTrue(list.size() <= TypedApp.MAX_ROOMS, "more rooms than general.maxRooms: " + list.size());
                  for (String room : list) {
                    assertTrue(room.length() <= TypedApp.MAX_ROOM_NAME_LENGTH, "a room name too long: " + room);
                  }
                });
          } finally {
            c.destroy();
          }
        });
  }

  @Test
  void typedInputsConvertOrFailWithTheirOwnError() {
    Fuzz.run(
        TypedApp::params,
        batch -> {
          Bounded.each(
              batch,
              Bounded.none(),
              params -> spec.runAction(TypedApp.ACTION, params),
              (params, response) -> {
                Object error = response.get("error");
                assertFalse(internalError.equals(error), "an internal error for " + Bounded.describe(params));
                assertProportionate(params, Sizes.of(params), Sizes.of(response), 3, 200);
              });
        });
  }
}
