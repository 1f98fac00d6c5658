

   
# only comments first

def f(x):


    y = x
        
    return y



