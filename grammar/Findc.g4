// The findc language: benchmark functions of one real variable.
// Syntax follows Python/NumPy where it can: `def`, `**`, `//`, `and/or/not`,
// `a if c else b`, chained comparisons, `#` comments. Doc comments are `##`
// lines; they travel on the hidden channel and the front end attaches them to
// the declaration that follows.
grammar Findc;

module_     : item* EOF ;

item        : constDecl
            | funcDecl
            | benchDecl
            ;

constDecl   : 'const' NAME (':' typeRef)? '=' expr ;

funcDecl    : 'def' NAME '(' (param (',' param)* ','?)? ')' '->' typeRef funcBody ;

param       : NAME ':' typeRef ('=' expr)? ;

// A benchmark function of one real input: its clean expression, then what
// the benchmark does around it. The clause words after the heads (below,
// with, mlp, extrapolate, ...) are plain names, checked by the front end, so
// they stay usable as identifiers.
benchDecl   : 'bench' NAME '(' NAME ')' '=' expr benchClause* ;

benchClause : 'category' STRING                                         # categoryClause
            | 'domain' '[' expr ',' expr ']' NAME?                      # domainClause
            | 'noise' NAME '(' expr ')'                                 # noiseClause
            | 'corrupt' region=NAME corruptBounds NAME NAME '(' expr ',' expr ')'   # corruptClause
            | 'approx' NAME '(' arg (',' arg)* ')' mlpWeights?          # approxClause
            ;

corruptBounds : '(' expr ',' expr ')'   # intervalBounds
              | expr                    # boundaryBound
              ;

// Trained weights: a list of numbers, or (as `findc suite train` writes
// them) one string of float32 bit patterns, 8 hex digits each: thousands of
// weights in one token parse in microseconds.
mlpWeights  : NAME '[' signedNumber (',' signedNumber)* ']' NAME signedNumber   # weightList
            | NAME STRING NAME signedNumber                                     # weightBits
            ;
signedNumber : sign=('-' | '+')? (INT | FLOAT) ;

funcBody    : '=' expr      # exprBody
            | block         # blockBody
            ;

// `return` ends the bindings, so an expression is never followed by the start
// of another one: every decision stays LL(1) and parsing stays linear.
block       : '{' (letStmt* 'return')? expr '}' ;

letStmt     : 'let' NAME (':' typeRef)? '=' expr ;

// `list[str]`-style arguments are parsed now so later types fit the syntax.
typeRef     : NAME ('[' typeRef (',' typeRef)* ']')? ;

// ---- expressions, lowest precedence first (Python's order) ----
expr        : ifExpr
            | orExpr ('if' orExpr 'else' expr)?
            ;

ifExpr      : 'if' expr block ('elif' expr block)* 'else' block ;

orExpr      : operands+=andExpr ('or' operands+=andExpr)* ;
andExpr     : operands+=notExpr ('and' operands+=notExpr)* ;
notExpr     : 'not' notExpr     # notOp
            | comparison        # notPassthrough
            ;
comparison  : operands+=arith (ops+=('<' | '<=' | '>' | '>=' | '==' | '!=') operands+=arith)* ;
arith       : operands+=term (ops+=('+' | '-') operands+=term)* ;
term        : operands+=unary (ops+=('*' | '/' | '//' | '%') operands+=unary)* ;
unary       : op=('-' | '+') unary      # signOp
            | power                     # unaryPassthrough
            ;
// `-x**2` is `-(x**2)` and `2**-1` is allowed, as in Python.
power       : primary ('**' unary)? ;

primary     : NAME ('.' NAME)? '(' (arg (',' arg)* ','?)? ')'   # call
            | NAME                                  # nameRef
            | INT                                   # intLit
            | FLOAT                                 # floatLit
            | ('True' | 'False')                    # boolLit
            | '(' expr ')'                          # paren
            ;

arg         : (NAME '=')? expr ;

// ---- lexer ----
// Reserved for the string and statement forms that come later.
RESERVED    : 'for' | 'while' | 'in' | 'lambda' | 'import' ;

NAME        : [a-zA-Z_] [a-zA-Z_0-9]* ;
FLOAT       : DIGITS '.' DIGITS? EXPONENT?
            | '.' DIGITS EXPONENT?
            | DIGITS EXPONENT
            ;
INT         : DIGITS ;
STRING      : '"' (~["\\\r\n] | '\\' ["\\])* '"' ;
fragment DIGITS   : [0-9] ('_'? [0-9])* ;
fragment EXPONENT : [eE] [+-]? DIGITS ;

DOC_COMMENT : '##' ~[\r\n]* -> channel(HIDDEN) ;
COMMENT     : '#' ~[\r\n]* -> skip ;
WS          : [ \t\r\n\f]+ -> skip ;
// Anything else becomes one token the parser rejects with a located error.
INVALID     : . ;
