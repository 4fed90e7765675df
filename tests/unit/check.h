/*
 * check.h - the unit tests' only "framework": CHECK(name, cond, why...)
 * prints "PASS name" or "FAIL name: why" and counts failures; main returns
 * check_failures != 0.
 */
#ifndef TRAPEZE_TEST_CHECK_H
#define TRAPEZE_TEST_CHECK_H

#include <stdio.h>

static int check_failures;

#define CHECK(name, cond, ...)                                                  \
	do {                                                                    \
		if (cond) {                                                     \
			printf("PASS %s\n", name);                              \
		} else {                                                        \
			printf("FAIL %s: ", name);                              \
			printf(__VA_ARGS__);                                    \
			printf(" (%s:%d)\n", __FILE__, __LINE__);               \
			check_failures++;                                       \
		}                                                               \
		fflush(stdout);                                                 \
	} while (0)

#endif
