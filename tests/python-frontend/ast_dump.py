#!/usr/bin/env python3
"""CPython's syntax tree of Python files, printed as `findc emit --stage py-ast`
prints findc's (compiler/frontend/python/PyASTDump.cpp).

The format is `ast.dump(tree)` restricted to the fields that findc's
py::Module has (compiler/frontend/python/PyAST.h), on one line:

  * every node as `Type(field=value, ...)`, every field always present, in
    the order below; absent values are `None`, empty lists `[]`;
  * no `ctx`, `type_comment`, `kind`, `lineno`...;
  * operators by their class name (`Add`, `USub`, `NotIn`);
  * a function's or lambda's parameters as a list of
    `arg(arg='x', default=...)`, each default beside its parameter;
  * an f-string's replacement field as its expression alone (findc's
    JoinedStr holds the expression; a field with `!r`, `:fmt` or `=` is
    outside the subset);
  * strings (names and str constants) as `ascii()` writes them, numbers as
    `repr()` does.

Anything outside the subset raises Unsupported, so a corpus file that
CPython parses but the subset does not is caught here, not silently
compared.

usage: ast_dump.py FILE...   (prints one line per file)
"""
import ast
import sys

FIELDS = {
    "Module": ["body"],
    "FunctionDef": ["name", "args", "body"],
    "Return": ["value"],
    "Assign": ["targets", "value"],
    "AugAssign": ["target", "op", "value"],
    "If": ["test", "body", "orelse"],
    "For": ["target", "iter", "body", "orelse"],
    "While": ["test", "body", "orelse"],
    "Break": [],
    "Continue": [],
    "Pass": [],
    "Expr": ["value"],
    "Try": ["body", "handlers", "orelse", "finalbody"],
    "ExceptHandler": ["type", "name", "body"],
    "Import": ["names"],
    "ImportFrom": ["module", "names"],
    "alias": ["name", "asname"],
    "Constant": ["value"],
    "Name": ["id"],
    "Attribute": ["value", "attr"],
    "UnaryOp": ["op", "operand"],
    "BinOp": ["left", "op", "right"],
    "BoolOp": ["op", "values"],
    "Compare": ["left", "ops", "comparators"],
    "IfExp": ["test", "body", "orelse"],
    "Call": ["func", "args", "keywords"],
    "keyword": ["arg", "value"],
    "Subscript": ["value", "slice"],
    "Slice": ["lower", "upper", "step"],
    "List": ["elts"],
    "Tuple": ["elts"],
    "Dict": ["keys", "values"],
    "ListComp": ["elt", "generators"],
    "GeneratorExp": ["elt", "generators"],
    "comprehension": ["target", "iter", "ifs"],
    "Lambda": ["args", "body"],
    "JoinedStr": ["values"],
}

OPERATORS = (ast.operator, ast.unaryop, ast.boolop, ast.cmpop)


class Unsupported(Exception):
    pass


def parameters(arguments):
    """A function's or lambda's parameters with their defaults beside them."""
    if arguments.posonlyargs or arguments.vararg or arguments.kwonlyargs or arguments.kwarg:
        raise Unsupported("parameters other than plain ones")
    params = arguments.args
    defaults = [None] * (len(params) - len(arguments.defaults)) + list(arguments.defaults)
    return "[" + ", ".join(f"arg(arg={ascii(p.arg)}, default={dump(d)})" for p, d in zip(params, defaults)) + "]"


def constant(value):
    if value is None or isinstance(value, (bool, int, float, complex)):
        return repr(value)
    if isinstance(value, str):
        return ascii(value)
    raise Unsupported(f"constant {value!r}")


def dump(node):
    if node is None:
        return "None"
    if isinstance(node, list):
        return "[" + ", ".join(dump(n) for n in node) + "]"
    if isinstance(node, str):
        return ascii(node)
    if isinstance(node, OPERATORS):
        return type(node).__name__
    if isinstance(node, ast.FormattedValue):
        if node.conversion != -1 or node.format_spec is not None:
            raise Unsupported("an f-string field with a conversion or format spec")
        return dump(node.value)
    name = type(node).__name__
    if name not in FIELDS:
        raise Unsupported(name)
    if isinstance(node, ast.ImportFrom) and node.level:
        raise Unsupported("relative import")
    if isinstance(node, ast.Dict) and None in node.keys:
        raise Unsupported("** in a dict")
    if isinstance(node, ast.comprehension) and node.is_async:
        raise Unsupported("async comprehension")
    parts = []
    for field in FIELDS[name]:
        value = getattr(node, field)
        if field == "args" and isinstance(value, ast.arguments):
            text = parameters(value)
        elif name == "Constant":
            text = constant(value)
        else:
            text = dump(value)
        parts.append(f"{field}={text}")
    return f"{name}({', '.join(parts)})"


def dump_source(source: bytes) -> str:
    return dump(ast.parse(source))


def main(paths):
    for path in paths:
        with open(path, "rb") as f:
            print(dump_source(f.read()))


if __name__ == "__main__":
    main(sys.argv[1:])
