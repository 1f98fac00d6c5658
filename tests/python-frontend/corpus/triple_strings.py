TEMPLATE = """line one
line two with 'single' and "double" quotes
    indented line\tescaped tab
"""

RAW = r'''raw \n stays'''


def f():
    text = '''a''b'c'''
    return TEMPLATE + RAW + text + """""" + """x\
y"""
