/**
 * One 100,000-character cell (issue 14 item 3) took 8 s to over 100 s through the number reader and the target
 * reader. Each case runs at that size under jest's default timeout (a hang guard), and asserts what is read: a cell
 * longer than a figure can be is text, quoted clipped with its full length; a long label before a target does not
 * hide it when the target is within reach. test/core/regexSafety.test.ts keeps super-linear patterns out.
 */
import { clipText, formatPrecision, MAX_NUMBER_TEXT, readNumber, readNumberText } from "../../src/core/numbers";
import { judge, readTarget, scoreIndicator } from "../../src/core/indicators/targetValue";

const N = 100_000;

describe("the number reader on 100,000-character cells", () => {
  it.each([
    ["digit then spaces then a letter", "1" + " ".repeat(N) + "x"],
    ["digit, spaces, %, spaces, a letter", "1" + " ".repeat(N) + "%" + " ".repeat(N) + "x"],
    ["digits", "9".repeat(N)],
    ["thousands groups", "1" + ",000".repeat(N / 4)],
    ["digits then 万元", "1".repeat(N) + "万元"],
  ])("%s: text, not a number", (_name, cell) => {
    const read = readNumber(cell);
    expect(read.kind).toBe("text");
  });

  it("a figure padded with spaces is still the figure; the limit is on what is left", () => {
    expect(readNumberText(" ".repeat(N) + "4,568万元" + " ".repeat(N))).toMatchObject({ kind: "number", value: 4568, unit: "万元" });
    expect(readNumberText("1" + " ".repeat(20) + "%")).toMatchObject({ kind: "number", value: 0.01, percent: true });
    expect(readNumberText("1".repeat(MAX_NUMBER_TEXT)).kind).toBe("number");
    expect(readNumberText("1".repeat(MAX_NUMBER_TEXT + 1)).kind).toBe("text");
  });

  it("clipText quotes a long text truncated, with its full length", () => {
    expect(clipText("满意度".repeat(N / 3), 10)).toBe("满意度满意度满意度满… (99999 characters)");
    expect(clipText("短文本", 10)).toBe("短文本");
  });

  it("a 100,000-character number format is read as General, not scanned quadratically", () => {
    expect(formatPrecision("[".repeat(N))).toBeUndefined();
    expect(formatPrecision("[Red]0.00%")).toEqual({ decimals: 2, percent: true });
  });
});

describe("the target reader on 100,000-character cells", () => {
  it("a long label before the figure: the target is read when the label is a sane length, unreadable otherwise", () => {
    expect(readTarget("满意度" + "≥95%")).toMatchObject({ kind: "bound", op: ">=" });
    const long = readTarget("满".repeat(N) + "95%");
    expect(long.kind).toBe("unreadable");
    expect(readTarget("满".repeat(N) + "95%x").kind).toBe("unreadable");
  });

  it("a long qualitative target and answer are judged without scanning them quadratically", () => {
    expect(readTarget("按时足额".repeat(N / 4))).toMatchObject({ kind: "qualitative" });
    expect(judge("已完成", "按时足额".repeat(N / 4))).toEqual({ kind: "met" });
  });

  it.each([
    ["trailing full stops", "≥95%" + "。".repeat(N) + "x"],
    ["digits then a letter", "≥" + "9".repeat(N) + "x"],
    ["bracket range", "[1," + "1".repeat(N) + "x"],
    ["dash range", "1" + "a".repeat(N) + "-"],
  ])("%s: unreadable", (_name, target) => {
    expect(readTarget(target).kind).toBe("unreadable");
  });

  it("reasons quote a long cell clipped, with its full length", () => {
    const verdict = judge("x".repeat(N), "≥95%");
    expect(verdict.kind).toBe("unreadable");
    const reason = (verdict as { reason: string }).reason;
    expect(reason.length).toBeLessThan(200);
    expect(reason).toContain(`… (${N} characters)`);
    const score = scoreIndicator("90%", "满".repeat(N) + "95%", 10);
    expect(score.kind).toBe("unreadable");
    expect((score as { reason: string }).reason.length).toBeLessThan(200);
  });
});
