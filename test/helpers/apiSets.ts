/**
 * Which Office.js requirement set each API member the add-in uses needs, and whether the add-in may use it there.
 *
 * Members are found with the TypeScript compiler, not by name: every property access, call, `new`, enum member
 * and object-literal property (an options object such as `{ mergeUndoGroup: true }`) whose symbol is declared in
 * @types/office-js or @types/custom-functions-runtime. `range.format.fill.color` is thus Excel.RangeFormat.fill
 * then Excel.RangeFill.color. A member's set is the `[Api set: ExcelApi 1.x]` note on its declaration (the
 * overload actually called), else on the class, interface or enum holding it; when a note names several versions
 * of one set ("1.1 for get, 1.3 for set") the highest counts. No note: part of the base runtime.
 *
 * A use passes when its set is declared in the manifest at that version or higher, or when the use is guarded.
 * A guard is recognised lexically, simply and on purpose narrowly:
 *   - a condition `Office.context.requirements.isSetSupported("ExcelApi", "1.13")`, or a call of a function of
 *     the scanned sources that returns isSetSupported of a literal set name with its parameter as the version
 *     (`supports("1.13")`), or a const holding either (`const readMerges = supports("1.13")`);
 *   - the use sits in the then-branch of an `if`, the true side of `?:`, or the right side of `&&` of such a
 *     condition (conditions joined with && each count);
 *   - a const set only under a guard (`const merged = readMerges ? … : undefined`) carries that guard: testing it
 *     (`if (merged)`, `merged && …`) or reading through it with `?.` is guarded too.
 * Anything else (an early return, a try/catch around an unsupported call) is not recognised: restructure the code
 * or declare a higher minimum.
 */
import path from "path";
import ts from "typescript";

export interface Requirement {
  set: string;
  version: string;
  /** The note as written, when it says more than "Set 1.x". */
  note?: string;
}

export interface ApiUse {
  /** Excel.Worksheet.getRangeByIndexes, Office.context, CustomFunctions.Error … */
  member: string;
  file: string;
  line: number;
  requirement?: Requirement;
  /** The isSetSupported guards around this use. */
  guards: Requirement[];
}

const API_DECLARATIONS = [path.join("@types", "office-js"), path.join("@types", "custom-functions-runtime")];

function isApiDeclaration(node: ts.Node): boolean {
  const file = path.normalize(node.getSourceFile().fileName);
  return API_DECLARATIONS.some((p) => file.includes(path.sep + p + path.sep));
}

/** "1.10" > "1.9". */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/** The requirement in a declaration's own doc comment, if it has one. */
function noteOf(node: ts.Node): Requirement | undefined {
  const text = node.getSourceFile().text;
  const ranges = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
  for (const r of ranges.reverse()) {
    const m = /\[\s*api set:\s*([^\]]*)\]/i.exec(text.slice(r.pos, r.end));
    if (!m) continue;
    const note = m[1].replace(/\s+/g, " ").trim();
    const first = /([A-Za-z]+)\s+(\d+\.\d+)/.exec(note);
    if (!first) return { set: note, version: "?", note };
    const set = first[1];
    // Every version named in the note (they belong to its set unless another set is named): the highest counts.
    let version = first[2];
    for (const v of note.matchAll(/(?:([A-Za-z]+)\s+)?(\d+\.\d+)/g)) {
      if ((v[1] === undefined || v[1] === set || !/^[A-Z]/.test(v[1])) && compareVersions(v[2], version) > 0) version = v[2];
    }
    const plain = note === `${set} ${first[2]}`;
    return plain ? { set, version } : { set, version, note };
  }
  return undefined;
}

/** The declaration's own note, else its container's (class, interface, enum). */
function requirementOf(declaration: ts.Node): Requirement | undefined {
  for (let node: ts.Node | undefined = declaration; node && !ts.isSourceFile(node) && !ts.isModuleBlock(node); node = node.parent) {
    // A variable's doc comment sits on its statement, two levels up.
    const own = noteOf(node);
    if (own) return own;
  }
  return undefined;
}

/** Excel.RangeFormat.fill: the declaration's name with its containers' names. */
function memberName(declaration: ts.Node): string {
  const parts: string[] = [];
  for (let node: ts.Node | undefined = declaration; node && !ts.isSourceFile(node); node = node.parent) {
    if (ts.isParameter(node)) continue; // Office.onReady's callback's info.host → Office.onReady.host
    const name = (node as { name?: ts.Node }).name;
    if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name))) parts.unshift(name.text);
  }
  return parts.join(".");
}

export class ApiSetScanner {
  private readonly checker: ts.TypeChecker;

  constructor(private readonly program: ts.Program) {
    this.checker = program.getTypeChecker();
  }

  /** Every API member used in these files. */
  scan(fileNames: readonly string[]): ApiUse[] {
    const uses: ApiUse[] = [];
    for (const fileName of fileNames) {
      const source = this.program.getSourceFile(fileName);
      if (!source) throw new Error("not in the program: " + fileName);
      const visit = (node: ts.Node): void => {
        const use = this.useAt(node);
        if (use) uses.push(use);
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    return uses;
  }

  private useAt(node: ts.Node): ApiUse | undefined {
    let declaration: ts.Node | undefined;
    if (ts.isPropertyAccessExpression(node)) {
      declaration = this.declarationOf(this.checker.getSymbolAtLocation(node.name));
      // A call or `new`: the overload actually chosen carries the note.
      const parent = node.parent;
      if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression === node) {
        const chosen = this.checker.getResolvedSignature(parent)?.getDeclaration();
        if (chosen && isApiDeclaration(chosen)) declaration = chosen;
      }
    } else if (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) {
      const literal = node.parent;
      const type = ts.isObjectLiteralExpression(literal) ? this.checker.getContextualType(literal) : undefined;
      const name = node.name && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) ? node.name.text : undefined;
      if (type && name) declaration = this.declarationOf(type.getNonNullableType().getProperty(name));
    }
    if (!declaration || !isApiDeclaration(declaration) || ts.isModuleDeclaration(declaration)) return undefined;
    const source = node.getSourceFile();
    return {
      member: memberName(declaration),
      file: source.fileName,
      line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
      requirement: requirementOf(declaration),
      guards: this.guardsAround(node),
    };
  }

  private declarationOf(symbol: ts.Symbol | undefined): ts.Node | undefined {
    if (!symbol) return undefined;
    const resolved = symbol.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol;
    return resolved.declarations?.[0];
  }

  /** Guards that hold wherever `node` runs (see the file's comment). */
  guardsAround(node: ts.Node): Requirement[] {
    const guards: Requirement[] = [...this.optionalChainGuards(node)];
    for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
      if (ts.isIfStatement(parent) && parent.thenStatement === child) guards.push(...this.impliedBy(parent.expression));
      else if (ts.isConditionalExpression(parent) && parent.whenTrue === child) guards.push(...this.impliedBy(parent.condition));
      else if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && parent.right === child) {
        guards.push(...this.impliedBy(parent.left));
      }
    }
    return guards;
  }

  /** `indents?.value…`: a read through `?.` on a const that is only set under a guard. */
  private optionalChainGuards(node: ts.Node): Requirement[] {
    let expression: ts.Node = node;
    let optional = false;
    while (ts.isPropertyAccessExpression(expression) || ts.isElementAccessExpression(expression) || ts.isCallExpression(expression) || ts.isNonNullExpression(expression) || ts.isParenthesizedExpression(expression)) {
      const inner: ts.Expression = expression.expression;
      if (ts.isIdentifier(inner)) optional = Boolean((expression as ts.PropertyAccessExpression).questionDotToken);
      expression = inner;
    }
    return optional && ts.isIdentifier(expression) ? this.presenceGuards(expression) : [];
  }

  /** What a true condition proves. */
  private impliedBy(condition: ts.Expression): Requirement[] {
    if (ts.isParenthesizedExpression(condition)) return this.impliedBy(condition.expression);
    if (ts.isBinaryExpression(condition) && condition.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
      return [...this.impliedBy(condition.left), ...this.impliedBy(condition.right)];
    }
    if (ts.isIdentifier(condition)) return [...this.checkGuards(condition), ...this.presenceGuards(condition)];
    return this.checkGuards(condition);
  }

  /** An isSetSupported check, a call of a function wrapping one, or a const holding either. */
  private checkGuards(expression: ts.Expression): Requirement[] {
    if (ts.isParenthesizedExpression(expression)) return this.checkGuards(expression.expression);
    if (ts.isIdentifier(expression)) {
      const initializer = this.constInitializer(expression);
      return initializer ? this.checkGuards(initializer) : [];
    }
    if (!ts.isCallExpression(expression)) return [];
    const direct = this.isSetSupportedCall(expression, []);
    if (direct) return [direct];
    // A function of ours wrapping isSetSupported, its version a parameter or a literal.
    const symbol = this.checker.getSymbolAtLocation(expression.expression);
    const declaration = this.declarationOf(symbol);
    if (!declaration || isApiDeclaration(declaration)) return [];
    const fn = ts.isVariableDeclaration(declaration) ? declaration.initializer : declaration;
    if (!fn || !(ts.isFunctionDeclaration(fn) || ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || !fn.body) return [];
    const parameters = fn.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : ""));
    let found: Requirement | undefined;
    const search = (n: ts.Node): void => {
      if (found) return;
      if (ts.isCallExpression(n)) {
        const args = expression.arguments.map((a) => (ts.isStringLiteralLike(a) ? a.text : undefined));
        found = this.isSetSupportedCall(n, parameters, args);
      }
      if (!found) ts.forEachChild(n, search);
    };
    search(fn.body);
    return found ? [found] : [];
  }

  /**
   * `…isSetSupported("ExcelApi", "1.9")` → ExcelApi 1.9. Inside a wrapper, a version (or name) that is the
   * wrapper's parameter takes the call's argument.
   */
  private isSetSupportedCall(call: ts.CallExpression, parameters: string[], args: (string | undefined)[] = []): Requirement | undefined {
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== "isSetSupported") return undefined;
    const declaration = this.declarationOf(this.checker.getSymbolAtLocation(callee.name));
    if (!declaration || !isApiDeclaration(declaration)) return undefined;
    const value = (arg: ts.Expression | undefined): string | undefined => {
      if (!arg) return undefined;
      if (ts.isStringLiteralLike(arg)) return arg.text;
      if (ts.isIdentifier(arg) && parameters.includes(arg.text)) return args[parameters.indexOf(arg.text)];
      return undefined;
    };
    const set = value(call.arguments[0]);
    // No version asked: any version of the set, so only its first.
    const version = call.arguments.length > 1 ? value(call.arguments[1]) : "1.1";
    return set && version ? { set, version } : undefined;
  }

  /** `const merged = guard ? x : undefined`: merged is set only when the guard holds. */
  private presenceGuards(identifier: ts.Identifier): Requirement[] {
    const initializer = this.constInitializer(identifier);
    if (!initializer || !ts.isConditionalExpression(initializer)) return [];
    const otherwise = initializer.whenFalse;
    const empty = otherwise.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(otherwise) && otherwise.text === "undefined");
    return empty ? this.impliedBy(initializer.condition) : [];
  }

  private constInitializer(identifier: ts.Identifier): ts.Expression | undefined {
    const declaration = this.declarationOf(this.checker.getSymbolAtLocation(identifier));
    if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer) return undefined;
    const list = declaration.parent;
    if (!ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const)) return undefined;
    return declaration.initializer;
  }
}

/** The requirement sets a manifest's base <Requirements> declares: set → minimum version. */
export function declaredMinimums(manifestXml: string): Map<string, string> {
  const out = new Map<string, string>();
  // The base manifest's <Requirements> is the one outside <VersionOverrides>.
  const base = manifestXml.replace(/<VersionOverrides[\s\S]*<\/VersionOverrides>/, "");
  const sets = /<Requirements>\s*<Sets(?:\s+DefaultMinVersion="([^"]*)")?\s*>([\s\S]*?)<\/Sets>/.exec(base);
  if (!sets) return out;
  const fallback = sets[1] ?? "1.1";
  for (const m of sets[2].matchAll(/<Set\s+Name="([^"]+)"(?:\s+MinVersion="([^"]+)")?\s*\/>/g)) out.set(m[1], m[2] ?? fallback);
  return out;
}

/** Does this use pass: no set, a declared set at a high enough version, or a guard for its set at its version? */
export function allowed(use: ApiUse, minimums: ReadonlyMap<string, string>): boolean {
  const need = use.requirement;
  if (!need) return true;
  if (need.version === "?") return false;
  const declared = minimums.get(need.set);
  if (declared && compareVersions(declared, need.version) >= 0) return true;
  return use.guards.some((g) => g.set === need.set && compareVersions(g.version, need.version) >= 0);
}

/** One line per member: "Excel.Range.values → ExcelApi 1.1", with its guard when every use is guarded. */
export function describeUses(uses: readonly ApiUse[], minimums: ReadonlyMap<string, string>, root: string): string[] {
  // One line per member and requirement (overloads of one method may need different sets).
  const byMember = new Map<string, ApiUse[]>();
  for (const u of uses) {
    const key = `${u.member}\u0000${u.requirement?.set ?? ""} ${u.requirement?.version ?? ""}`;
    byMember.set(key, [...(byMember.get(key) ?? []), u]);
  }
  return [...byMember.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, list]) => {
      const member = list[0].member;
      const need = list[0].requirement;
      const set = need ? `${need.set} ${need.version}${need.note ? ` ("${need.note}")` : ""}` : "(no set: base runtime)";
      const bad = list.filter((u) => !allowed(u, minimums));
      const declared = need && minimums.get(need.set);
      const guards = [...new Set(list.flatMap((u) => u.guards.filter((g) => need && g.set === need.set).map((g) => `"${g.version}"`)))];
      const how = !need
        ? ""
        : bad.length
          ? `  NOT ALLOWED at ${bad.map((u) => `${path.relative(root, u.file)}:${u.line}`).join(", ")}`
          : declared && compareVersions(declared, need.version) >= 0
            ? ""
            : `  guarded: isSetSupported("${need.set}", ${guards.join(" | ")})`;
      return `${member} → ${set}${how}`;
    });
}
