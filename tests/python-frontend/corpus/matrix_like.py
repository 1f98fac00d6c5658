def f(n):
    grid = [[0] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            grid[i][j] = i * n + j
    diag = [grid[k][k] for k in range(n)]
    flat = [v for row in grid for v in row]
    return grid, diag, flat, grid[0][1:], (grid[-1][::-1],)
