/* Pictures for the demo newsroom: landscapes (sky, sun or moon, hills,
 * mountains or sea) and geometric compositions, different for every seed.
 * Every shape is an antialiased mask blended into a memory image with
 * vips_draw_mask. Round shapes are computed with libvips arithmetic over
 * their bounding box; a ridge or a band, whose edge is one number per column,
 * is filled in a plain loop, because broadcasting a row across the frame with
 * libvips costs several times more. 1600x900 takes about 40 ms of CPU. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <vips/vips.h>

#include "media.h"

#define DEMO_MIN_SIDE 16
#define DEMO_MAX_SIDE 4096
#define DEMO_QUALITY 85
#define SLOTS 256

/* splitmix64: tiny, and the same pictures on every machine. */
struct rng {
        uint64_t state;
};

static double
rnd(struct rng *r)
{
        uint64_t z = (r->state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        z ^= z >> 31;
        return (double)(z >> 11) / 9007199254740992.0;
}

static double
between(struct rng *r, double lo, double hi)
{
        return lo + (hi - lo) * rnd(r);
}

static size_t
pick(struct rng *r, size_t n)
{
        size_t i = (size_t)(rnd(r) * (double)n);
        return i < n ? i : n - 1;
}

/* The picture being drawn, and every intermediate image in one local array
 * that dies with it. After the first failure every step is a no-op. */
struct canvas {
        VipsImage *owner;
        VipsImage **t;
        int used;
        bool failed;
        int width, height;
        VipsImage *picture; /* 3-band uchar, in memory */
};

static VipsImage **
slot(struct canvas *c)
{
        if (c->failed || c->used == SLOTS) {
                c->failed = true;
                return NULL;
        }
        return &c->t[c->used++];
}

/* Runs one libvips call whose last output is *out; the helpers below are
 * written in terms of it so a failure anywhere just makes NULLs. */
static VipsImage *
done(struct canvas *c, VipsImage **out, int rc)
{
        if (out == NULL || rc != 0) {
                c->failed = true;
                return NULL;
        }
        return *out;
}

static VipsImage *
lin(struct canvas *c, VipsImage *in, double a, double b)
{
        VipsImage **out = in != NULL ? slot(c) : NULL;
        return done(c, out, out ? vips_linear1(in, out, a, b, NULL) : -1);
}

static VipsImage *
lin3(struct canvas *c, VipsImage *in, const double a[3], const double b[3])
{
        VipsImage **out = in != NULL ? slot(c) : NULL;
        return done(c, out, out ? vips_linear(in, out, (double *)a, (double *)b, 3, NULL) : -1);
}

static VipsImage *
mul(struct canvas *c, VipsImage *a, VipsImage *b)
{
        VipsImage **out = a != NULL && b != NULL ? slot(c) : NULL;
        return done(c, out, out ? vips_multiply(a, b, out, NULL) : -1);
}

/* Values are clipped to 0..255 on the way: a ramp of slope 255 per pixel
 * becomes an antialiased edge. */
static VipsImage *
to_uchar(struct canvas *c, VipsImage *in)
{
        VipsImage **out = in != NULL ? slot(c) : NULL;
        return done(c, out, out ? vips_cast_uchar(in, out, NULL) : -1);
}

/* x or y coordinates (float) of a width x height box whose corner is at
 * (left, top) in the picture. */
static VipsImage *
coords(struct canvas *c, int band, int width, int height, int left, int top)
{
        VipsImage **xyz = slot(c), **one = slot(c);
        if (xyz == NULL || one == NULL || vips_xyz(xyz, width, height, NULL) != 0 ||
            vips_extract_band(*xyz, one, band, NULL) != 0) {
                c->failed = true;
                return NULL;
        }
        return lin(c, *one, 1, band == 0 ? left : top);
}

static void
draw(struct canvas *c, const double colour[3], VipsImage *mask, int left, int top)
{
        if (c->failed || mask == NULL ||
            vips_draw_mask(c->picture, (double *)colour, 3, mask, left, top, NULL) != 0)
                c->failed = true;
}

static void
draw_rect(struct canvas *c, const double colour[3], int left, int top, int width, int height)
{
        if (!c->failed && vips_draw_rect(c->picture, (double *)colour, 3, left, top, width, height,
                                         "fill", TRUE, NULL) != 0)
                c->failed = true;
}

/* The picture starts as a gradient from top to bottom colours between rows
 * y0 and y1 (or columns, when sideways), computed on one line and copied out
 * to the frame. */
static void
start_gradient(struct canvas *c, const double top[3], const double bottom[3], double y0, double y1,
               bool sideways)
{
        double a[3], b[3];
        double span = y1 - y0 > 1 ? y1 - y0 : 1;
        for (int i = 0; i < 3; i++) {
                a[i] = (bottom[i] - top[i]) / span;
                b[i] = top[i] - a[i] * y0;
        }
        VipsImage *line =
            sideways ? coords(c, 0, c->width, 1, 0, 0) : coords(c, 1, 1, c->height, 0, 0);
        line = to_uchar(c, lin3(c, line, a, b));
        VipsImage **full = slot(c), **memory = slot(c);
        if (line == NULL || full == NULL || memory == NULL ||
            vips_embed(line, full, 0, 0, c->width, c->height, "extend", VIPS_EXTEND_COPY, NULL) !=
                0 ||
            (*memory = vips_image_copy_memory(*full)) == NULL)
                c->failed = true;
        else
                c->picture = *memory;
}

struct box {
        int left, top, width, height;
};

/* The part of a square of the given half-size around (cx, cy) inside the
 * picture; false if none is. */
static bool
clip_box(const struct canvas *c, double cx, double cy, double half, struct box *b)
{
        int x0 = (int)floor(cx - half), y0 = (int)floor(cy - half);
        int x1 = (int)ceil(cx + half), y1 = (int)ceil(cy + half);
        if (x0 < 0)
                x0 = 0;
        if (y0 < 0)
                y0 = 0;
        if (x1 > c->width)
                x1 = c->width;
        if (y1 > c->height)
                y1 = c->height;
        if (x1 <= x0 || y1 <= y0)
                return false;
        *b = (struct box){x0, y0, x1 - x0, y1 - y0};
        return true;
}

/* Squared distance to (cx, cy) over a box, from one coordinate image. */
static VipsImage *
distance2(struct canvas *c, const struct box *b, double cx, double cy)
{
        VipsImage **xyz = slot(c);
        if (xyz == NULL || vips_xyz(xyz, b->width, b->height, NULL) != 0) {
                c->failed = true;
                return NULL;
        }
        double one[2] = {1, 1}, shift[2] = {b->left - cx, b->top - cy};
        VipsImage **delta = slot(c), **mean = slot(c);
        if (delta == NULL || mean == NULL || vips_linear(*xyz, delta, one, shift, 2, NULL) != 0) {
                c->failed = true;
                return NULL;
        }
        VipsImage *squares = mul(c, *delta, *delta);
        if (squares == NULL || vips_bandmean(squares, mean, NULL) != 0) {
                c->failed = true;
                return NULL;
        }
        return lin(c, *mean, 2, 0);
}

/* A disc (or a ring, when inner > 0) blended in at the given opacity. Near
 * the edge R - d is (R^2 - d^2) / 2R, which spares a square root. */
static void
draw_disc(struct canvas *c, const double colour[3], double cx, double cy, double radius,
          double inner, double opacity)
{
        struct box b;
        if (!clip_box(c, cx, cy, radius + 2, &b))
                return;
        VipsImage *d2 = distance2(c, &b, cx, cy);
        double k = 255 * opacity / (2 * radius);
        VipsImage *mask = lin(c, d2, -k, k * radius * radius + 128 * opacity);
        if (inner > 0) {
                double ki = 255 / (2 * inner);
                VipsImage *hole = to_uchar(c, lin(c, d2, ki, -ki * inner * inner + 128));
                mask = mul(c, to_uchar(c, mask), lin(c, hole, 1.0 / 255, 0));
        }
        draw(c, colour, to_uchar(c, mask), b.left, b.top);
}

/* Light falling off around (cx, cy) as (1 - d^2/R^2)^2: smooth, and nothing
 * to compute beyond R. */
static void
draw_glow(struct canvas *c, const double colour[3], double cx, double cy, double reach,
          double strength)
{
        struct box b;
        if (!clip_box(c, cx, cy, reach, &b))
                return;
        VipsImage *near =
            to_uchar(c, lin(c, distance2(c, &b, cx, cy), -255 / (reach * reach), 255));
        VipsImage *falloff = mul(c, near, near); /* 0 to 255^2 */
        draw(c, colour, to_uchar(c, lin(c, falloff, strength / 255, 0)), b.left, b.top);
}

static void
free_mask(VipsImage *image, void *pixels)
{
        (void)image;
        g_free(pixels);
}

/* Blends colour into rows top.. of the frame through a mask whose value at
 * (x, y) is 255 * opacity * clamp(edge(x, y) + 0.5): the caller's edge
 * function is a signed distance in pixels, positive inside. */
struct edge {
        const double *ridge;         /* land: inside below ridge[x] */
        double ca, sa, offset, half; /* band: |x ca + y sa - offset| < half */
};

static double
edge_at(const struct edge *e, int x, int y)
{
        if (e->ridge != NULL)
                return y - e->ridge[x];
        return e->half - fabs(x * e->ca + y * e->sa - e->offset);
}

static void
draw_edge_mask(struct canvas *c, const double colour[3], const struct edge *e, int top,
               double opacity)
{
        if (c->failed || top >= c->height)
                return;
        if (top < 0)
                top = 0;
        int rows = c->height - top;
        size_t size = (size_t)c->width * (size_t)rows;
        unsigned char *pixels = g_try_malloc(size);
        if (pixels == NULL) {
                c->failed = true;
                return;
        }
        for (int y = 0; y < rows; y++) {
                unsigned char *row = pixels + (size_t)y * (size_t)c->width;
                for (int x = 0; x < c->width; x++) {
                        double v = (edge_at(e, x, y + top) + 0.5) * 255 * opacity;
                        row[x] = v <= 0               ? 0
                                 : v >= 255 * opacity ? (unsigned char)(255 * opacity)
                                                      : (unsigned char)v;
                }
        }
        VipsImage **mask = slot(c);
        if (mask == NULL || (*mask = vips_image_new_from_memory(pixels, size, c->width, rows, 1,
                                                                VIPS_FORMAT_UCHAR)) == NULL) {
                g_free(pixels);
                c->failed = true;
                return;
        }
        g_signal_connect(*mask, "postclose", G_CALLBACK(free_mask), pixels);
        draw(c, colour, *mask, 0, top);
}

/* 0 at whole numbers, 1 half-way: a row of sharp peaks. */
static double
triangle(double t)
{
        return 1 - 2 * fabs(t - floor(t) - 0.5);
}

/* Land below a ridge: a few sines (rounded hills) or triangle waves of
 * shrinking size (a mountain range). */
static void
draw_land(struct canvas *c, struct rng *r, const double colour[3], double base, double rise,
          bool peaks)
{
        double *ridge = g_try_malloc(sizeof(double) * (size_t)c->width);
        if (ridge == NULL) {
                c->failed = true;
                return;
        }
        double periods[3], phases[3], amps[3];
        for (int k = 0; k < 3; k++) {
                periods[k] =
                    peaks ? between(r, 1.2, 2.5) * (1 + 2.5 * k) : between(r, 0.5, 1.8) * (k + 1);
                phases[k] = rnd(r);
                amps[k] = peaks ? rise * (k == 0 ? 0.65 : k == 1 ? 0.25 : 0.1) : rise / (k + 1.2);
        }
        double highest = c->height;
        for (int x = 0; x < c->width; x++) {
                double height = 0;
                for (int k = 0; k < 3; k++) {
                        double t = periods[k] * x / c->width + phases[k];
                        height += amps[k] * (peaks ? triangle(t) : 0.5 + 0.5 * sin(2 * M_PI * t));
                }
                ridge[x] = base - height;
                highest = fmin(highest, ridge[x]);
        }
        struct edge e = {.ridge = ridge};
        draw_edge_mask(c, colour, &e, (int)floor(highest) - 1, 1);
        g_free(ridge);
}

struct palette {
        double sky_top[3], sky_horizon[3], sun[3], near[3], far[3];
};

/* From dawn to night; the land is mixed from the near and far colours. */
static const struct palette palettes[] = {
    {{38, 84, 164}, {247, 181, 126}, {255, 236, 190}, {34, 56, 48}, {120, 128, 150}},
    {{70, 140, 215}, {200, 226, 245}, {255, 252, 230}, {40, 92, 52}, {136, 170, 180}},
    {{48, 30, 92}, {236, 108, 92}, {255, 206, 120}, {40, 24, 52}, {150, 88, 120}},
    {{12, 24, 60}, {64, 96, 150}, {236, 236, 220}, {10, 16, 30}, {60, 76, 110}},
    {{120, 170, 200}, {250, 220, 170}, {255, 245, 210}, {92, 84, 60}, {180, 170, 150}},
    {{24, 90, 120}, {150, 210, 200}, {255, 250, 220}, {16, 60, 70}, {110, 160, 170}},
    {{90, 60, 130}, {250, 160, 110}, {255, 230, 160}, {60, 40, 60}, {170, 120, 140}},
    {{128, 136, 146}, {196, 200, 204}, {236, 236, 230}, {62, 72, 66}, {140, 148, 150}},
    {{46, 54, 66}, {104, 112, 122}, {210, 214, 220}, {30, 36, 40}, {84, 92, 100}},
};

/* The palette of each sky of a scene. */
static const int scene_palette[GZ_SCENE_SKY__MAX] = {
    [GZ_SCENE_DAWN] = 0,  [GZ_SCENE_DAY] = 1,      [GZ_SCENE_DUSK] = 2,
    [GZ_SCENE_NIGHT] = 3, [GZ_SCENE_OVERCAST] = 7, [GZ_SCENE_STORM] = 8,
};

static void
mix(double out[3], const double a[3], const double b[3], double t)
{
        for (int i = 0; i < 3; i++)
                out[i] = a[i] + (b[i] - a[i]) * t;
}

static void
jitter(struct rng *r, double colour[3], double amount)
{
        for (int i = 0; i < 3; i++) {
                colour[i] += between(r, -amount, amount);
                colour[i] = colour[i] < 0 ? 0 : colour[i] > 255 ? 255 : colour[i];
        }
}

static void
landscape(struct canvas *c, struct rng *r)
{
        const struct palette *p = &palettes[pick(r, GZ_ARRAY_LEN(palettes))];
        double w = c->width, h = c->height;
        double sky_top[3], horizon[3], sun[3];
        memcpy(sky_top, p->sky_top, sizeof(sky_top));
        memcpy(horizon, p->sky_horizon, sizeof(horizon));
        memcpy(sun, p->sun, sizeof(sun));
        jitter(r, sky_top, 16);
        jitter(r, horizon, 16);
        double horizon_y = h * between(r, 0.55, 0.7);
        start_gradient(c, sky_top, horizon, 0, horizon_y, false);

        double radius = h * between(r, 0.04, 0.1);
        double sun_x = w * between(r, 0.15, 0.85);
        double sun_y = horizon_y * between(r, 0.3, 0.8);
        draw_glow(c, sun, sun_x, sun_y, radius * between(r, 1.5, 3), between(r, 0.35, 0.6));
        draw_disc(c, sun, sun_x, sun_y, radius, 0, 1);

        int kind = (int)pick(r, 3); /* hills, mountains, or a sea below hills */
        int layers = kind == 2 ? 2 : 3 + (int)pick(r, 2);
        for (int k = 0; k < layers; k++) {
                double depth = layers == 1 ? 1 : (double)k / (layers - 1); /* 0 far, 1 near */
                double colour[3];
                mix(colour, p->far, p->near, depth);
                mix(colour, colour, horizon, (1 - depth) * 0.3); /* haze */
                jitter(r, colour, 8);
                double base = horizon_y + (h - horizon_y) * depth * (kind == 2 ? 0.05 : 0.5);
                double rise = h * (kind == 1 ? between(r, 0.15, 0.3) : between(r, 0.04, 0.12)) *
                              (1.2 - depth * 0.5);
                draw_land(c, r, colour, base, rise, kind == 1 && k + 1 < layers);
        }
        if (kind != 2)
                return;

        /* The sea: bands darkening towards the viewer, then the sun's path. */
        double sea_y = horizon_y + (h - horizon_y) * 0.1;
        int bands = 6 + (int)pick(r, 6);
        for (int k = 0; k < bands; k++) {
                double t = (double)k / bands;
                double colour[3];
                mix(colour, horizon, p->sky_top, 0.35 + 0.5 * t);
                mix(colour, colour, p->near, 0.3 * t);
                int top = (int)(sea_y + (h - sea_y) * t * t);
                int bottom = (int)(sea_y + (h - sea_y) * (t + 1.0 / bands) * (t + 1.0 / bands)) + 1;
                draw_rect(c, colour, 0, top, c->width, bottom - top);
        }
        /* The sun's path: glints fading away from the sun's column. */
        double glint[3];
        mix(glint, sun, horizon, 0.2);
        for (int k = 0; k < 40; k++) {
                double t = rnd(r);
                double y = sea_y + (h - sea_y) * t;
                double half = radius * (0.3 + 1.5 * t) * between(r, 0.4, 1.2);
                double x = sun_x + between(r, -1, 1) * radius * (0.5 + t);
                draw_rect(c, glint, (int)(x - half), (int)y, (int)(2 * half) + 1, 1 + (int)(t * 3));
        }
}

static void
geometric(struct canvas *c, struct rng *r)
{
        const struct palette *p = &palettes[pick(r, GZ_ARRAY_LEN(palettes))];
        double w = c->width, h = c->height;
        bool sideways = rnd(r) < 0.5;
        start_gradient(c, p->sky_top, p->sky_horizon, 0, sideways ? w : h, sideways);
        const double *choices[] = {p->sun, p->near, p->far, p->sky_top, p->sky_horizon};

        /* Diagonal bands: |x cos a + y sin a - offset| < thickness / 2. */
        int bands = 1 + (int)pick(r, 3);
        double angle = between(r, 0, M_PI);
        for (int k = 0; k < bands; k++) {
                double a = angle + between(r, -0.3, 0.3);
                double offset = between(r, 0.2, 0.8) * (fabs(cos(a)) * w + fabs(sin(a)) * h);
                double thickness = h * between(r, 0.03, 0.14);
                struct edge e = {.ca = cos(a), .sa = sin(a), .half = thickness / 2};
                e.offset = offset + (e.ca < 0 ? e.ca * w : 0) + (e.sa < 0 ? e.sa * h : 0);
                double colour[3];
                memcpy(colour, choices[pick(r, GZ_ARRAY_LEN(choices))], sizeof(colour));
                jitter(r, colour, 20);
                draw_edge_mask(c, colour, &e, 0, between(r, 0.6, 0.9));
        }
        int discs = 2 + (int)pick(r, 5);
        for (int k = 0; k < discs; k++) {
                double radius = h * between(r, 0.05, 0.22);
                double colour[3];
                memcpy(colour, choices[pick(r, GZ_ARRAY_LEN(choices))], sizeof(colour));
                jitter(r, colour, 24);
                double inner = rnd(r) < 0.35 ? radius * between(r, 0.55, 0.8) : 0;
                draw_disc(c, colour, w * rnd(r), h * rnd(r), radius, inner, between(r, 0.7, 1));
        }
        if (rnd(r) < 0.5) {
                double colour[3];
                memcpy(colour, choices[pick(r, GZ_ARRAY_LEN(choices))], sizeof(colour));
                int bw = (int)(w * between(r, 0.1, 0.3)), bh = (int)(h * between(r, 0.1, 0.4));
                draw_rect(c, colour, (int)((w - bw) * rnd(r)), (int)((h - bh) * rnd(r)), bw, bh);
        }
}

/* A scene as described: sky, sun or moon, clouds, ridges of hills, and the
 * sea or a river running towards the viewer. */
static void
scene(struct canvas *c, struct rng *r, const struct gz_media_scene *sc)
{
        const struct palette *p = &palettes[scene_palette[sc->sky]];
        double w = c->width, h = c->height;
        double sky_top[3], horizon[3];
        memcpy(sky_top, p->sky_top, sizeof(sky_top));
        memcpy(horizon, p->sky_horizon, sizeof(horizon));
        jitter(r, sky_top, 10);
        jitter(r, horizon, 10);
        double horizon_y = h * between(r, 0.55, 0.68);
        start_gradient(c, sky_top, horizon, 0, horizon_y, false);

        double radius = h * between(r, 0.045, 0.08);
        double light_x = w * between(r, 0.2, 0.8);
        double light_y = horizon_y * between(r, 0.3, 0.75);
        if (sc->light == GZ_SCENE_SUN) {
                draw_glow(c, p->sun, light_x, light_y, radius * between(r, 2, 3), 0.5);
                draw_disc(c, p->sun, light_x, light_y, radius, 0, 1);
        } else if (sc->light == GZ_SCENE_MOON) {
                static const double moon[3] = {238, 238, 226};
                draw_glow(c, moon, light_x, light_y, radius * 2, 0.25);
                draw_disc(c, moon, light_x, light_y, radius * 0.7, 0, 1);
        }
        if (sc->clouds) {
                double cloud[3];
                mix(cloud, horizon, (const double[3]){250, 250, 250}, 0.45);
                if (sc->sky == GZ_SCENE_NIGHT || sc->sky == GZ_SCENE_STORM)
                        mix(cloud, sky_top, horizon, 0.6);
                int banks = 2 + (int)pick(r, 3);
                for (int k = 0; k < banks; k++) {
                        double cy = horizon_y * between(r, 0.15, 0.7);
                        double cx = w * rnd(r);
                        int puffs = 4 + (int)pick(r, 4);
                        for (int i = 0; i < puffs; i++)
                                draw_disc(c, cloud, cx + (i - puffs / 2.0) * h * 0.05,
                                          cy + between(r, -0.02, 0.02) * h,
                                          h * between(r, 0.03, 0.06), 0, 0.55);
                }
        }
        int layers = sc->hills < 0 ? 0 : sc->hills > 3 ? 3 : sc->hills;
        double land_floor = sc->water == GZ_SCENE_SEA ? 0.05 : 0.5;
        for (int k = 0; k < layers; k++) {
                double depth = layers == 1 ? 0.3 : (double)k / (layers - 1) * 0.6;
                double colour[3];
                mix(colour, p->far, p->near, depth);
                mix(colour, colour, horizon, (1 - depth) * 0.3);
                jitter(r, colour, 6);
                double base = horizon_y + (h - horizon_y) * depth * land_floor;
                double rise = h * between(r, 0.05, 0.12) * (1.2 - depth * 0.5);
                draw_land(c, r, colour, base, rise, false);
        }
        if (sc->water == GZ_SCENE_SEA) {
                double sea_y = horizon_y + (h - horizon_y) * (layers ? 0.1 : 0);
                int bands = 8;
                for (int k = 0; k < bands; k++) {
                        double t = (double)k / bands;
                        double colour[3];
                        mix(colour, horizon, p->sky_top, 0.35 + 0.5 * t);
                        int top = (int)(sea_y + (h - sea_y) * t * t);
                        int bottom =
                            (int)(sea_y + (h - sea_y) * (t + 1.0 / bands) * (t + 1.0 / bands)) + 1;
                        draw_rect(c, colour, 0, top, c->width, bottom - top);
                }
                return;
        }
        /* Fields in front, then the river widening towards the viewer. */
        double near[3];
        mix(near, p->near, p->far, 0.15);
        double field_y = horizon_y + (h - horizon_y) * (layers ? 0.55 : 0.1);
        draw_rect(c, near, 0, (int)field_y, c->width, c->height - (int)field_y);
        if (sc->water != GZ_SCENE_RIVER)
                return;
        double water[3];
        mix(water, horizon, sky_top, 0.4);
        double bend = between(r, -0.25, 0.25) * w, start_x = w * between(r, 0.35, 0.65);
        for (int y = (int)field_y; y < c->height; y++) {
                double t = (y - field_y) / (h - field_y);
                double cx = start_x + bend * sin(t * M_PI);
                double half = w * (0.01 + 0.12 * t * t);
                draw_rect(c, water, (int)(cx - half), y, (int)(2 * half) + 1, 1);
        }
}

static enum gz_err
encode(struct canvas *c, struct gz_buf *jpeg_out, struct gz_error *err)
{
        void *jpeg = NULL;
        size_t size = 0;
        if (c->failed || c->picture == NULL ||
            vips_jpegsave_buffer(c->picture, &jpeg, &size, "Q", DEMO_QUALITY, "strip", TRUE,
                                 "optimize_coding", TRUE, NULL) != 0) {
                char why[256];
                snprintf(why, sizeof(why), "%s", vips_error_buffer());
                vips_error_clear();
                why[strcspn(why, "\n")] = '\0';
                return gz_fail(err, GZ_EIO, "drawing the demo image failed: %s", why);
        }
        gz_buf_put(jpeg_out, jpeg, size);
        g_free(jpeg);
        return GZ_OK;
}

static enum gz_err
check_size(struct gz_buf *jpeg_out, int width, int height, struct gz_error *err)
{
        if (jpeg_out == NULL || width < DEMO_MIN_SIDE || height < DEMO_MIN_SIDE ||
            width > DEMO_MAX_SIDE || height > DEMO_MAX_SIDE)
                return gz_fail(err, GZ_EINVAL, "a demo image is %d to %d pixels on a side",
                               DEMO_MIN_SIDE, DEMO_MAX_SIDE);
        return gz_media_init(NULL, err);
}

enum gz_err
gz_media_demo_image(unsigned seed, int width, int height, struct gz_buf *jpeg_out,
                    struct gz_error *err)
{
        enum gz_err e = check_size(jpeg_out, width, height, err);
        if (e != GZ_OK)
                return e;
        struct canvas c = {.owner = vips_image_new(), .width = width, .height = height};
        c.t = (VipsImage **)vips_object_local_array(VIPS_OBJECT(c.owner), SLOTS);
        struct rng r = {.state = 0x6a09e667f3bcc908ULL ^ ((uint64_t)seed * 0x2545f4914f6cdd1dULL)};
        /* Mostly landscapes; a fifth are abstract compositions. */
        if (rnd(&r) < 0.8)
                landscape(&c, &r);
        else
                geometric(&c, &r);
        e = encode(&c, jpeg_out, err);
        g_object_unref(c.owner);
        return e;
}

enum gz_err
gz_media_demo_scene(const struct gz_media_scene *sc, unsigned seed, int width, int height,
                    struct gz_buf *jpeg_out, struct gz_error *err)
{
        if (sc == NULL || (unsigned)sc->sky >= GZ_SCENE_SKY__MAX ||
            (unsigned)sc->light >= GZ_SCENE_LIGHT__MAX ||
            (unsigned)sc->water >= GZ_SCENE_WATER__MAX)
                return gz_fail(err, GZ_EINVAL, "not a scene");
        enum gz_err e = check_size(jpeg_out, width, height, err);
        if (e != GZ_OK)
                return e;
        struct canvas c = {.owner = vips_image_new(), .width = width, .height = height};
        c.t = (VipsImage **)vips_object_local_array(VIPS_OBJECT(c.owner), SLOTS);
        struct rng r = {.state = 0x243f6a8885a308d3ULL ^ ((uint64_t)seed * 0x9e3779b97f4a7c15ULL)};
        scene(&c, &r, sc);
        e = encode(&c, jpeg_out, err);
        g_object_unref(c.owner);
        return e;
}
