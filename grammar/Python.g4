// The subset of Python that agents' hypotheses are written in (see
// compiler/frontend/python/PyAST.h), after CPython 3's grammar: statements,
// expressions with Python's precedence, comprehensions, lambdas, f-strings.
//
// The lexer emits NEWLINE for every line break and skips indentation; the
// front end's token source (PyParser.cpp) turns that into Python's logical
// lines: it drops line breaks inside brackets and on blank lines, and inserts
// INDENT and DEDENT from the indentation of each logical line. Replacement
// fields of f-strings are parsed by the front end with `fstringField`.
grammar Python;

tokens { INDENT, DEDENT }

// ---- statements ----

fileInput   : (NEWLINE | stmt)* EOF ;

stmt        : simpleStmts
            | compoundStmt
            ;

simpleStmts : simpleStmt (';' simpleStmt)* ';'? NEWLINE ;

simpleStmt  : exprStmt                                                    # expressionStmt
            | 'return' testList?                                        # returnStmt
            | 'pass'                                                    # passStmt
            | 'break'                                                   # breakStmt
            | 'continue'                                                # continueStmt
            | 'import' dottedAsName (',' dottedAsName)*                 # importStmt
            | 'from' dottedName 'import' importTargets                  # importFromStmt
            ;

// `a = b = value`, `a, b = value`, `d[k] += 1`, or an expression (a call, a
// docstring). Targets are expressions here; the front end checks them.
exprStmt    : testList (augAssign testList | ('=' testList)*) ;

augAssign   : '+=' | '-=' | '*=' | '/=' | '//=' | '%=' | '**=' | '@=' | '&=' | '|=' | '^=' | '<<=' | '>>=' ;

dottedAsName : dottedName ('as' NAME)? ;
dottedName  : NAME ('.' NAME)* ;
importTargets : star='*'
              | '(' importAsName (',' importAsName)* ','? ')'
              | importAsName (',' importAsName)*
              ;
importAsName : NAME ('as' NAME)? ;

compoundStmt : ifStmt | whileStmt | forStmt | tryStmt | funcDef ;

ifStmt      : 'if' test ':' suite elifClause* ('else' ':' orelse=suite)? ;
elifClause  : 'elif' test ':' suite ;
whileStmt   : 'while' test ':' suite ('else' ':' orelse=suite)? ;
forStmt     : 'for' targetList 'in' testList ':' suite ('else' ':' orelse=suite)? ;
tryStmt     : 'try' ':' suite
              ( exceptClause+ ('else' ':' orelse=suite)? ('finally' ':' finalbody=suite)?
              | 'finally' ':' finalbody=suite
              ) ;
exceptClause : 'except' (test ('as' NAME)?)? ':' suite ;

// Annotations (`x: float`, `-> float`) are parsed and dropped.
funcDef     : 'def' NAME '(' (param (',' param)* ','?)? ')' ('->' test)? ':' suite ;
param       : NAME (':' annotation=test)? ('=' value=test)? ;

// A block on its own lines, or simple statements after the colon.
suite       : simpleStmts
            | NEWLINE INDENT stmt+ DEDENT
            ;

// ---- expressions, lowest precedence first ----

// `a, b` without brackets (assignment, return, for's iterable).
testList    : test (',' test)* ','? ;
// A `for` target: binds tighter than `in`.
targetList  : bitOr (',' bitOr)* ','? ;

test        : orTest ('if' orTest 'else' test)?
            | lambdef
            ;
lambdef     : 'lambda' (lambdaParam (',' lambdaParam)* ','?)? ':' test ;
lambdaParam : NAME ('=' value=test)? ;

orTest      : operands+=andTest ('or' operands+=andTest)* ;
andTest     : operands+=notTest ('and' operands+=notTest)* ;
notTest     : 'not' notTest        # notOp
            | comparison           # notPassthrough
            ;
comparison  : operands+=bitOr (ops+=compOp operands+=bitOr)* ;
compOp      : '<' | '>' | '==' | '>=' | '<=' | '!=' | 'in' | 'not' 'in' | 'is' | 'is' 'not' ;
bitOr       : operands+=bitXor (ops+='|' operands+=bitXor)* ;
bitXor      : operands+=bitAnd (ops+='^' operands+=bitAnd)* ;
bitAnd      : operands+=shift (ops+='&' operands+=shift)* ;
shift       : operands+=arith (ops+=('<<' | '>>') operands+=arith)* ;
arith       : operands+=term (ops+=('+' | '-') operands+=term)* ;
term        : operands+=factor (ops+=('*' | '/' | '//' | '%' | '@') operands+=factor)* ;
factor      : op=('+' | '-' | '~') factor     # unaryOp
            | power                         # factorPassthrough
            ;
// `-x**2` is `-(x**2)`, `2**-1` works, `a**b**c` is `a**(b**c)`.
power       : atomExpr ('**' factor)? ;
atomExpr    : atom trailer* ;
trailer     : '(' (argument (',' argument)* ','?)? ')'      # callTrailer
            | '[' subscript (',' subscript)* ','? ']'       # subscriptTrailer
            | '.' NAME                                      # attributeTrailer
            ;
subscript   : test                                          # indexSubscript
            | lower=test? ':' upper=test? (':' step=test?)? # sliceSubscript
            ;
argument    : NAME '=' test                                 # keywordArgument
            | test compFor*                                 # positionalArgument
            ;

atom        : '(' testListComp? ')'                         # parenAtom
            | '[' testListComp? ']'                         # listAtom
            | '{' (dictEntry (',' dictEntry)* ','?)? '}'    # dictAtom
            | NAME                                          # nameAtom
            | NUMBER                                        # numberAtom
            | STRING+                                       # stringAtom
            | 'None'                                        # noneAtom
            | 'True'                                        # trueAtom
            | 'False'                                       # falseAtom
            ;
// What brackets hold: one expression, a tuple or list, or a comprehension.
testListComp : test (compFor+ | (',' test)* ','?) ;
dictEntry   : key=test ':' value=test ;
compFor     : 'for' targetList 'in' orTest ('if' orTest)* ;

// A replacement field of an f-string: `{a + b}`, as if in parentheses.
fstringField : testListComp EOF ;

// ---- lexer ----

// Keywords outside the subset: their own token, reported by name.
UNSUPPORTED : 'class' | 'with' | 'yield' | 'global' | 'nonlocal' | 'del' | 'assert' | 'raise'
            | 'async' | 'await' ;

NUMBER      : INTEGER | FLOAT | IMAGINARY ;
NAME        : [a-zA-Z_\p{Alpha}] [a-zA-Z_0-9\p{Alpha}\p{Nd}]* ;

// Escapes are decoded by the front end; a backslash-newline continues a
// short string on the next line, as in Python.
STRING      : STRING_PREFIX? (SHORT_STRING | LONG_STRING) ;
// A string without its closing quote: reported by the front end.
UNTERMINATED_STRING : STRING_PREFIX? ('\'' SHORT_ITEM_1* | '"' SHORT_ITEM_2*) ;
UNTERMINATED_LONG_STRING : STRING_PREFIX? ('\'\'\'' LONG_ITEM_1* | '"""' LONG_ITEM_2*) ;

NEWLINE     : '\r'? '\n' | '\r' ;
LINE_JOIN   : '\\' ('\r'? '\n' | '\r') -> skip ;
COMMENT     : '#' ~[\r\n]* -> skip ;
WS          : [ \t\f]+ -> skip ;
// Anything else becomes one token the front end rejects with a located error.
INVALID     : . ;

fragment STRING_PREFIX : [rRuUfFbB] | [fF][rR] | [rR][fF] | [bB][rR] | [rR][bB] ;
fragment SHORT_STRING  : '\'' SHORT_ITEM_1* '\'' | '"' SHORT_ITEM_2* '"' ;
fragment SHORT_ITEM_1  : ~[\\\r\n'] | ESCAPE ;
fragment SHORT_ITEM_2  : ~[\\\r\n"] | ESCAPE ;
// A long string ends at its first unescaped triple quote: no item holds one,
// so the greedy loop never runs past it.
fragment LONG_STRING   : '\'\'\'' LONG_ITEM_1* '\'\'\'' | '"""' LONG_ITEM_2* '"""' ;
fragment LONG_ITEM_1   : ~[\\'] | ESCAPE | '\'' '\''? (~[\\'] | ESCAPE) ;
fragment LONG_ITEM_2   : ~[\\"] | ESCAPE | '"' '"'? (~[\\"] | ESCAPE) ;
fragment ESCAPE        : '\\' ('\r\n' | .) ;

fragment INTEGER       : DEC_INTEGER | '0' [xX] ('_'? HEX_DIGIT)+ | '0' [oO] ('_'? [0-7])+ | '0' [bB] ('_'? [01])+ ;
fragment DEC_INTEGER   : [1-9] ('_'? [0-9])* | '0' ('_'? '0')* ;
fragment HEX_DIGIT     : [0-9a-fA-F] ;
fragment DIGIT_PART    : [0-9] ('_'? [0-9])* ;
fragment POINT_FLOAT   : DIGIT_PART? '.' DIGIT_PART | DIGIT_PART '.' ;
fragment EXPONENT      : [eE] [+-]? DIGIT_PART ;
fragment FLOAT         : POINT_FLOAT EXPONENT? | DIGIT_PART EXPONENT ;
fragment IMAGINARY     : (FLOAT | DIGIT_PART) [jJ] ;
