package org.actionhero4j.internal.actions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.actionhero4j.ActionContext;
import org.actionhero4j.ActionheroException;
import org.actionhero4j.Formatter;
import org.actionhero4j.Input;
import org.actionhero4j.InputType;
import org.actionhero4j.Validator;
import org.actionhero4j.internal.ErrorTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks params against declared inputs, in declaration order: the default fills a missing value,
 * the value is converted to the input's type, formatters run, then validators; a required input
 * must end up present; object inputs recurse into their schema ({@code parent.child}). Only the
 * first missing and the first invalid input are reported, as Actionhero does.
 */
final class InputValidation {

  private static final Logger log = LoggerFactory.getLogger(InputValidation.class);

  /** The first problem found, if any. */
  record Problems(Optional<String> missing, Optional<String> invalid) {}

  private final ErrorTexts errors;

  InputValidation(ErrorTexts errors) {
    this.errors = errors;
  }

  Problems check(ActionContext ctx, List<Input> inputs, Map<String, Object> values) {
    Found found = new Found();
    check(ctx, inputs, values, "", found);
    return new Problems(Optional.ofNullable(found.missing), Optional.ofNullable(found.invalid));
  }

  private static final class Found {
    String missing;
    String invalid;

    void missing(String key) {
      if (missing == null) {
        missing = key;
      }
    }

    void invalid(String text) {
      if (invalid == null) {
        invalid = text;
      }
    }
  }

  private void check(
      ActionContext ctx, List<Input> inputs, Map<String, Object> values, String prefix, Found found) {
    for (Input input : inputs) {
      String key = prefix + input.name();
      Object value = values.get(input.name());
      if ("".equals(value) && input.type() != InputType.ANY) {
        // a typed input sent empty (e.g. "?times=") counts as not sent
        values.remove(input.name());
        value = null;
      }
      if (value == null && input.defaultValue().isPresent()) {
        value = input.defaultValue().get().get();
      }
      boolean ok = true;
      if (value != null) {
        Optional<Object> converted = InputConversion.convert(input, value);
        if (converted.isEmpty()) {
          found.invalid(errors.invalidParamType(key, InputConversion.expected(input)));
          ok = false;
        } else {
          value = converted.get();
          Optional<String> refusal = formatAndValidate(ctx, input, key, value, values);
          if (refusal.isPresent()) {
            found.invalid(refusal.get());
            ok = false;
          } else {
            value = values.get(input.name());
          }
        }
      }
      if (value != null) {
        values.put(input.name(), value);
      }
      if (input.required() && (value == null || "".equals(value))) {
        found.missing(key);
        continue;
      }
      if (ok && !input.schema().isEmpty() && value instanceof Map<?, ?> nested) {
        Map<String, Object> copy = new LinkedHashMap<>();
        nested.forEach((k, v) -> copy.put(String.valueOf(k), v));
        check(ctx, input.schema(), copy, key + ".", found);
        values.put(input.name(), copy);
      }
    }
  }

  /** Runs formatters then validators; stores the formatted value; empty when accepted. */
  private Optional<String> formatAndValidate(
      ActionContext ctx, Input input, String key, Object value, Map<String, Object> values) {
    Object current = value;
    try {
      for (Formatter formatter : input.formatters()) {
        current = formatter.format(current, ctx);
      }
    } catch (Exception e) {
      return Optional.of(refusal(e, key, "formatter"));
    }
    values.put(input.name(), current);
    for (Validator validator : input.validators()) {
      try {
        Optional<String> verdict = validator.validate(current, ctx);
        if (verdict.isPresent()) {
          return verdict;
        }
      } catch (Exception e) {
        return Optional.of(refusal(e, key, "validator"));
      }
    }
    return Optional.empty();
  }

  private String refusal(Exception e, String key, String what) {
    if (e instanceof ActionheroException ae) {
      return ae.getMessage();
    }
    log.debug("a {} of input {} threw {}", what, key, e.toString());
    return errors.invalidParam(key);
  }
}
