"""The named regions of each view, authored as seed points for the right half.

Each entry is ``(slug, plain name, seeds)``.  A slug that starts with ``"="``
is a midline region (seeds on or near ``u = 0``); every other entry is a
paired region authored for the person's right side and mirrored for the left.
Seeds are in body coordinates (see :mod:`bodymap.atlas.figure`).  A region is
the part of the silhouette closer to one of its seeds than to any other
region's, so moving seeds moves borders; the preview command
``bodymap atlas-preview`` draws the result for tuning.
"""

FRONT = [
    # Head and face
    ("=forehead", "forehead", [(0, 52), (16, 50), (0, 68), (20, 64)]),
    ("temple", "temple", [(34, 70), (36, 86)]),
    ("eye", "area around the eye", [(16, 86)]),
    ("=nose-and-mouth", "nose and mouth", [(0, 98), (0, 118), (8, 124)]),
    ("cheek", "cheek and upper teeth", [(24, 106), (18, 114)]),
    ("ear", "ear", [(44, 100), (45, 114)]),
    ("jaw-joint", "jaw joint (TMJ)", [(34, 108), (36, 120)]),
    ("lower-jaw", "lower jaw and lower teeth", [(28, 132), (18, 140)]),
    ("=chin", "chin", [(0, 138), (0, 148)]),
    # Neck
    ("=throat", "throat", [(0, 162), (0, 180)]),
    ("front-of-neck", "front of neck", [(12, 160), (14, 178)]),
    ("side-of-neck", "side of neck", [(27, 160), (29, 178)]),
    # Shoulder and chest
    ("collarbone", "collarbone area", [(30, 194), (55, 198), (75, 204)]),
    ("front-of-shoulder", "front of shoulder", [(98, 222), (102, 238)]),
    ("outer-shoulder", "outer shoulder", [(119, 218), (124, 236)]),
    ("upper-chest", "upper chest", [(30, 222), (58, 222), (76, 232)]),
    ("breast", "breast area", [(40, 258), (58, 262), (30, 276)]),
    ("=sternum", "breastbone", [(0, 210), (0, 240), (0, 270), (0, 292)]),
    ("armpit", "armpit", [(84, 256), (88, 244)]),
    ("side-of-chest", "side of chest", [(74, 296), (70, 322)]),
    # Abdomen
    ("=upper-abdomen-midline", "pit of the stomach", [(0, 312), (0, 332)]),
    ("upper-abdomen", "upper abdomen", [(30, 306), (44, 330), (52, 350)]),
    ("=navel", "navel area", [(0, 360), (0, 382), (12, 372)]),
    ("lower-abdomen", "lower abdomen", [(34, 388), (48, 410), (30, 428)]),
    ("=pubic", "lower belly above the pubic bone", [(0, 418), (0, 446), (0, 470)]),
    ("groin", "groin", [(36, 460), (22, 478)]),
    ("front-of-hip", "front of hip", [(66, 436), (74, 456)]),
    # Arm, palm side (anatomical position: palms face forward)
    ("front-of-upper-arm", "front of upper arm", [(114, 260), (117, 290), (119, 320)]),
    ("inner-upper-arm", "inner upper arm", [(96, 270), (98, 300), (104, 330)]),
    ("elbow-crease", "elbow crease", [(122, 350)]),
    ("inner-elbow", "inner elbow (medial epicondyle)", [(106, 352), (108, 340)]),
    ("outer-elbow-front", "outer elbow, front", [(137, 350)]),
    (
        "forearm-front-thumb-side",
        "front of forearm, thumb side",
        [(136, 380), (138, 410), (140, 440)],
    ),
    (
        "forearm-front-little-finger-side",
        "front of forearm, little-finger side",
        [(116, 380), (120, 410), (126, 440)],
    ),
    ("front-of-wrist", "front of wrist", [(136, 466)]),
    ("palm", "palm", [(141, 500), (140, 514)]),
    ("thenar", "ball of the thumb (thenar)", [(149, 484), (151, 498)]),
    (
        "hypothenar",
        "little-finger side of the palm (hypothenar)",
        [(129, 494), (129, 510)],
    ),
    ("thumb-palmar", "thumb", [(155, 508), (158, 520), (160, 528)]),
    ("index-finger-palmar", "index finger", [(150, 534), (152, 548), (154, 560)]),
    ("middle-finger-palmar", "middle finger", [(142, 536), (143, 552), (144, 566)]),
    ("ring-finger-palmar", "ring finger", [(135, 534), (134, 548), (133, 560)]),
    ("little-finger-palmar", "little finger", [(127, 528), (125, 540), (123, 548)]),
    # Thigh and knee
    ("front-of-thigh", "front of thigh", [(50, 512), (50, 560), (48, 608), (46, 650)]),
    ("inner-thigh", "inner thigh", [(16, 512), (16, 560), (20, 610), (24, 650)]),
    ("outer-thigh", "outer thigh", [(82, 500), (80, 552), (76, 604), (68, 650)]),
    ("kneecap", "kneecap", [(42, 690), (42, 706)]),
    ("inner-knee", "inner knee", [(20, 696), (20, 712)]),
    ("outer-knee", "outer knee", [(63, 696), (63, 712)]),
    # Leg and foot
    ("shin", "shin", [(42, 740), (42, 780), (41, 820), (41, 850)]),
    ("inner-leg", "inner leg", [(22, 750), (22, 790), (28, 830)]),
    ("outer-leg", "outer leg", [(64, 750), (64, 790), (56, 830)]),
    ("front-of-ankle", "front of ankle", [(42, 876)]),
    ("inner-ankle", "inner ankle", [(28, 884)]),
    ("outer-ankle", "outer ankle", [(55, 884)]),
    ("top-of-foot", "top of foot", [(46, 902), (52, 908)]),
    ("big-toe", "big toe", [(37, 918), (36, 930)]),
    (
        "lesser-toes",
        "lesser toes",
        [(47, 924), (47, 932), (55, 922), (55, 930), (61, 920), (61, 927), (66, 918)],
    ),
]

BACK = [
    # Head
    ("=vertex", "top of head", [(0, 44), (14, 46)]),
    ("back-of-head", "back of head", [(26, 72), (30, 92)]),
    ("=occiput", "bump at the back of the head", [(0, 96), (0, 114)]),
    ("behind-ear", "behind the ear", [(42, 108), (44, 120)]),
    ("suboccipital", "base of skull", [(14, 128), (24, 134)]),
    # Neck
    ("back-of-neck", "back of neck", [(12, 152), (13, 170)]),
    ("side-of-neck-back", "side of neck, from behind", [(28, 158), (28, 176)]),
    ("=spine-of-neck", "spine of the neck", [(0, 150), (0, 174)]),
    ("base-of-neck", "base of neck", [(20, 190), (0, 192)]),
    # Shoulder and upper back
    ("top-of-shoulder", "top of shoulder", [(50, 190), (74, 198)]),
    (
        "above-shoulder-blade-spine",
        "above the spine of the shoulder blade",
        [(52, 212), (72, 214)],
    ),
    ("back-of-shoulder", "back of shoulder", [(98, 214), (106, 236)]),
    ("outer-shoulder-back", "outer shoulder, from behind", [(124, 226)]),
    (
        "below-shoulder-blade-spine",
        "shoulder blade below its spine",
        [(56, 240), (70, 252), (62, 268)],
    ),
    (
        "between-shoulder-blades",
        "between the shoulder blades",
        [(20, 226), (24, 252), (26, 278)],
    ),
    ("=upper-back-spine", "upper back spine", [(0, 212), (0, 246), (0, 282)]),
    ("shoulder-blade-tip", "lower tip of the shoulder blade", [(54, 294), (46, 304)]),
    ("back-of-armpit", "back of armpit", [(84, 258), (82, 282)]),
    ("mid-back", "middle back", [(26, 318), (48, 328), (66, 320)]),
    ("=mid-back-spine", "middle back spine", [(0, 318), (0, 340)]),
    # Low back and pelvis
    ("thoracolumbar", "junction of the middle and low back", [(24, 354), (44, 352)]),
    ("flank", "flank", [(64, 364), (66, 390)]),
    ("low-back", "low back", [(24, 384), (40, 402), (26, 412)]),
    ("=lumbar-spine", "low back spine", [(0, 364), (0, 392), (0, 414)]),
    ("sacroiliac", "sacroiliac joint", [(20, 432), (22, 446)]),
    ("=sacrum", "sacrum", [(0, 436), (0, 456), (8, 462)]),
    ("=tailbone", "tailbone", [(0, 478), (0, 488)]),
    ("upper-buttock", "upper buttock", [(48, 420), (60, 434), (40, 440)]),
    ("lower-buttock", "lower buttock", [(36, 470), (54, 464), (30, 488)]),
    ("outer-hip", "outer hip (greater trochanter)", [(80, 446), (84, 470)]),
    ("gluteal-fold", "buttock crease", [(40, 506), (60, 504), (22, 504)]),
    # Arm, back side
    ("back-of-upper-arm", "back of upper arm", [(106, 266), (110, 296), (114, 326)]),
    ("outer-upper-arm", "outer upper arm", [(126, 256), (130, 290), (133, 320)]),
    ("inner-upper-arm-back", "inner upper arm, from behind", [(93, 290), (100, 326)]),
    ("back-of-elbow", "back of elbow (olecranon)", [(118, 350)]),
    ("outer-elbow", "outer elbow (lateral epicondyle)", [(136, 346), (138, 358)]),
    ("inner-elbow-back", "inner elbow, from behind", [(103, 352)]),
    (
        "forearm-back-thumb-side",
        "back of forearm, thumb side",
        [(138, 380), (140, 410), (140, 440)],
    ),
    (
        "forearm-back-little-finger-side",
        "back of forearm, little-finger side",
        [(114, 380), (118, 410), (126, 440)],
    ),
    ("back-of-wrist", "back of wrist", [(135, 464)]),
    ("back-of-hand", "back of hand", [(140, 490), (140, 508), (132, 504), (147, 496)]),
    ("thumb-dorsal", "back of thumb", [(155, 508), (158, 520), (160, 528)]),
    (
        "index-finger-dorsal",
        "back of index finger",
        [(150, 534), (152, 548), (154, 560)],
    ),
    (
        "middle-finger-dorsal",
        "back of middle finger",
        [(142, 536), (143, 552), (144, 566)],
    ),
    ("ring-finger-dorsal", "back of ring finger", [(135, 534), (134, 548), (133, 560)]),
    (
        "little-finger-dorsal",
        "back of little finger",
        [(127, 528), (125, 540), (123, 548)],
    ),
    # Thigh and knee
    ("back-of-thigh", "back of thigh", [(44, 540), (44, 590), (42, 640)]),
    ("outer-back-of-thigh", "outer back of thigh", [(80, 530), (77, 580), (70, 630)]),
    ("inner-back-of-thigh", "inner back of thigh", [(12, 530), (14, 590), (20, 640)]),
    ("back-of-knee", "back of knee", [(42, 684), (42, 704)]),
    # Leg and foot
    ("upper-calf", "upper calf", [(36, 740), (50, 744), (30, 770), (56, 770)]),
    ("outer-calf", "outer calf", [(68, 760), (62, 800)]),
    ("lower-calf", "lower calf", [(42, 800), (38, 830)]),
    ("achilles", "Achilles tendon", [(41, 850), (41, 870)]),
    ("inner-ankle-back", "inner ankle, from behind", [(28, 878)]),
    ("outer-ankle-back", "outer ankle, from behind", [(54, 878)]),
    ("heel", "heel", [(41, 892), (42, 906)]),
    ("arch", "arch of the foot", [(34, 922), (36, 934)]),
    ("outer-sole", "outer edge of the sole", [(56, 920), (58, 934)]),
    ("ball-of-foot", "ball of the foot", [(46, 940), (38, 942), (54, 942)]),
    ("big-toe-sole", "big toe, underside", [(40, 950), (40, 958)]),
    ("lesser-toes-sole", "lesser toes, underside", [(52, 950), (56, 954)]),
]

LANDMARKS = {"front": FRONT, "back": BACK}
