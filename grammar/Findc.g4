// The findc language: benchmark functions of one real variable or one string.
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
benchDecl   : 'bench' NAME '(' NAME (':' typeRef)? ')' '=' expr benchClause* ;

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
            | stmtBlock     # blockBody
            ;

// Statements. There are no expression statements, so an expression always
// ends where the next statement's keyword or `NAME =` begins: every decision
// stays LL(2) at most and parsing stays linear.
stmtBlock   : '{' stmt* '}' ;
stmt        : letStmt                                                   # letStatement
            | 'var' NAME (':' typeRef)? '=' expr                        # varStatement
            | NAME op=('=' | '+=' | '-=') expr                          # assignStatement
            | 'if' expr stmtBlock ('elif' expr stmtBlock)* ('else' stmtBlock)?  # ifStatement
            | 'for' NAME 'in' expr stmtBlock                            # forStatement
            | 'while' expr stmtBlock                                    # whileStatement
            | 'return' expr                                             # returnStatement
            | 'break'                                                   # breakStatement
            | 'continue'                                                # continueStatement
            ;

// The value blocks of an `if` expression: bindings, then the value.
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
comparison  : operands+=arith (ops+=compareOp operands+=arith)* ;
compareOp   : '<' | '<=' | '>' | '>=' | '==' | '!=' | 'in' | 'not' 'in' ;
arith       : operands+=term (ops+=('+' | '-') operands+=term)* ;
term        : operands+=unary (ops+=('*' | '/' | '//' | '%') operands+=unary)* ;
unary       : op=('-' | '+') unary      # signOp
            | power                     # unaryPassthrough
            ;
// `-x**2` is `-(x**2)` and `2**-1` is allowed, as in Python.
power       : postfix ('**' unary)? ;

// s[i], s[a:b], s[::-1], l[i][j]: Python's indexing and slicing.
postfix     : primary subscript* ;
subscript   : '[' expr ']'                                      # index
            | '[' lo=expr? ':' hi=expr? (':' step=expr?)? ']'   # slice
            ;

primary     : NAME ('.' NAME)? '(' (arg (',' arg)* ','?)? ')'   # call
            | NAME                                  # nameRef
            | INT                                   # intLit
            | FLOAT                                 # floatLit
            | STRING                                # stringLit
            | ('True' | 'False')                    # boolLit
            | '(' expr ')'                          # paren
            | '[' (expr (',' expr)* ','?)? ']'      # listLit
            | '{' (mapEntry (',' mapEntry)* ','?)? '}'   # mapLit
            ;
mapEntry    : key=expr ':' value=expr ;

arg         : (NAME '=')? expr ;

// ---- lexer ----
// Reserved for forms that may come later.
RESERVED    : 'lambda' | 'import' ;

NAME        : [a-zA-Z_] [a-zA-Z_0-9]* ;
FLOAT       : DIGITS '.' DIGITS? EXPONENT?
            | '.' DIGITS EXPONENT?
            | DIGITS EXPONENT
            ;
INT         : DIGITS ;
// Escapes (\n, \t, \\, \", \', \xNN, \uNNNN, \UNNNNNNNN) are decoded
// and checked by the front end.
STRING      : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"'
            | '\'' (~['\\\r\n] | '\\' ~[\r\n])* '\'' ;
fragment DIGITS   : [0-9] ('_'? [0-9])* ;
fragment EXPONENT : [eE] [+-]? DIGITS ;

DOC_COMMENT : '##' ~[\r\n]* -> channel(HIDDEN) ;
COMMENT     : '#' ~[\r\n]* -> skip ;
WS          : [ \t\r\n\f]+ -> skip ;
// Anything else becomes one token the parser rejects with a located error.
INVALID     : . ;
