# Gazette. `make` builds build/gazette; `make run` and `make test` also install
# what is missing (scripts/deps.sh). See README.md.

BUILD    ?= build
V        ?= 0
Q        := $(if $(filter 1,$(V)),,@)
CC       ?= gcc
SANITIZE ?=
PKGS     := libmicrohttpd sqlite3 md4c gumbo libsodium vips jansson libqrencode icu-uc icu-i18n \
            libxml-2.0 zlib libbrotlienc libbrotlidec libcrypto libseccomp libwebpmux libwebp libarchive
TEST_PKGS := cmocka libcurl

OPT      ?= -O2
WARN     := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
            -Wformat=2 -Wno-format-nonliteral -Wvla -Werror
HARDEN   := -D_FORTIFY_SOURCE=2 -fstack-protector-strong -fPIE
ifneq ($(SANITIZE),)
HARDEN   := -fPIE
endif
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CFLAGS   += -std=c17 -D_GNU_SOURCE $(OPT) -g $(WARN) $(HARDEN) $(SANITIZE) -MMD -MP
CPPFLAGS += -Isrc $(filter-out -I/usr/include,$(PKG_CFLAGS))
LDFLAGS  += -pie -Wl,-z,relro,-z,now $(SANITIZE)
LDLIBS   += $(PKG_LIBS) -lpthread -lm

LIB_SRC  := $(filter-out src/cli/main.c,$(shell find src -name '*.c' | sort))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/theme_files.o
THEME    := $(shell find themes/default -type f | sort)

UNIT_SRC := $(shell find tests/unit -name 'test_*.c' 2>/dev/null | sort)
UNIT_BIN := $(UNIT_SRC:tests/%.c=$(BUILD)/tests/%)
INTEG_SRC := $(shell find tests/integration -name 'test_*.c' 2>/dev/null | sort)
INTEG_BIN := $(INTEG_SRC:tests/%.c=$(BUILD)/tests/%)
TLIB_SRC := $(shell find tests/lib -name '*.c' 2>/dev/null | sort)
TLIB_OBJ := $(TLIB_SRC:%.c=$(BUILD)/%.o)
TEST_LIBS := $(shell pkg-config --libs $(TEST_PKGS) 2>/dev/null)

# Keep intermediate objects (the test library) between runs.
.SECONDARY:

.PHONY: all deps run test test-only lint format fuzz bench clean tests print-libs print-cflags

all: $(BUILD)/gazette

$(BUILD)/gazette: $(BUILD)/src/cli/main.o $(BUILD)/libgazette.a
	@echo "  LD      $@"
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/libgazette.a: $(LIB_OBJ)
	@rm -f $@
	$(Q)ar rcs $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

# The default theme is compiled into the binary; a site's theme/ folder overrides it.
$(BUILD)/tools/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(Q)$(CC) -std=c17 -O1 -Wall -Wextra -Werror -o $@ $<

$(BUILD)/gen/theme_files.c: $(BUILD)/tools/embed $(THEME)
	@mkdir -p $(dir $@)
	$(Q)$(BUILD)/tools/embed themes/default $(THEME) > $@

$(BUILD)/gen/theme_files.o: $(BUILD)/gen/theme_files.c
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -Wno-overlength-strings -c -o $@ $<

tests: $(UNIT_BIN) $(INTEG_BIN) $(BUILD)/gazette

$(BUILD)/tests/%: tests/%.c $(TLIB_OBJ) $(BUILD)/libgazette.a
	@mkdir -p $(dir $@)
	@echo "  TEST    $@"
	$(Q)$(CC) $(CPPFLAGS) -Itests $(CFLAGS) $(LDFLAGS) -o $@ $< $(TLIB_OBJ) $(BUILD)/libgazette.a \
		$(TEST_LIBS) $(LDLIBS)

$(BUILD)/tests/lib/%.o: tests/lib/%.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CPPFLAGS) -Itests $(CFLAGS) -c -o $@ $<

deps:
	@scripts/deps.sh

run: deps
	@$(MAKE) --no-print-directory all
	@scripts/run-demo.sh $(BUILD)/gazette

# Everything: the suite, then the suite again under ASan+UBSan, fuzz smoke runs.
test:
	@scripts/deps.sh --test
	@$(MAKE) --no-print-directory tests
	@$(MAKE) --no-print-directory BUILD=build-asan CC=clang OPT=-O1 \
		SANITIZE="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" tests
	@scripts/test.sh

# The suite once, without installing or the sanitizer pass.
test-only: tests
	@GZ_SKIP_ASAN=1 GZ_SKIP_E2E=$${GZ_SKIP_E2E:-0} scripts/test.sh

lint:
	@scripts/lint.sh

format:
	@clang-format -i $$(find src tests tools -name '*.[ch]')

fuzz: deps
	@scripts/fuzz.sh $${FUZZ_SECONDS:-600}

bench: deps all
	@bench/run.sh

print-libs:
	@echo $(LDLIBS)

print-cflags:
	@echo $(filter-out -I/usr/include,$(PKG_CFLAGS))

clean:
	rm -rf build build-asan build-fuzz

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
