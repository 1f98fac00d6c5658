#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Module docstring: describes the hypothesis.

It spans several lines and has 'quotes' and "double quotes".
"""

# A comment before the function
def f(x):  # trailing comment
    '''Single-quoted docstring.'''
    # comment inside
    return x  # done

    # comment after the return, at the block's indentation
# comment at column 0
