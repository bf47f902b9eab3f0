#!/usr/bin/env python3
"""Writes a members CSV of about SIZE_MB megabytes for the streaming import measurement (issue 13):
   big-roster.py OUT.csv ORG_NAME [SIZE_MB] [BAD_EVERY]
Every BAD_EVERY-th line (0 = none) gets a NUL in the name, so the check must report them all."""
import sys
out, org = sys.argv[1], sys.argv[2]
size = int(sys.argv[3]) if len(sys.argv) > 3 else 50
bad_every = int(sys.argv[4]) if len(sys.argv) > 4 else 0
surnames, given = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗", "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"
with open(out, "w", encoding="utf-8", newline="") as f:
    f.write("姓名,手机,单位,级别,党员编号,报到日期,状态\r\n")
    i, written = 0, 0
    while written < size * 1024 * 1024:
        name = surnames[i % len(surnames)] + given[(i // 7) % len(given)] + given[(i // 3) % len(given)]
        if bad_every and i % bad_every == bad_every - 1:
            name = name[0] + "\0" + name[1:]
        line = f"{name},1{i:010d},{org},市直,BIG{i:07d},2024-03-01,在册\r\n"
        f.write(line)
        written += len(line.encode())
        i += 1
print(i, "rows")
