window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "89"
      ],
      "favorite_count" : "3",
      "id_str" : "1396501722930405379",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1396501722930405379",
      "created_at" : "Sun May 23 16:12:45 +0000 2021",
      "favorited" : false,
      "full_text" : "@oldfriendbakes Thank you!! First proper loaf out of the new oven and I'm still grinning.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1396498011120656385",
      "in_reply_to_status_id" : "1396498011120656385",
      "in_reply_to_user_id" : "5511223344",
      "in_reply_to_user_id_str" : "5511223344"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1893001865274114390"
          ],
          "editableUntil" : "",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Léa",
            "screen_name" : "lea_patisserie",
            "indices" : [
              "0",
              "15"
            ],
            "id_str" : "6677889900",
            "id" : "6677889900"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "122"
      ],
      "favorite_count" : "3",
      "id_str" : "1893001865274114390",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1893001865274114390",
      "created_at" : "Fri Feb 21 18:07:01 +0000 2025",
      "favorited" : false,
      "full_text" : "@lea_patisserie Crème fraîche in the dough? Oh, I love that. Count it as about 70% water when you work out the hydration 🍞",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1892990123874410662",
      "in_reply_to_status_id" : "1892990123874410662",
      "in_reply_to_user_id" : "6677889900",
      "in_reply_to_user_id_str" : "6677889900",
      "in_reply_to_screen_name" : "lea_patisserie"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1877402731471654993"
          ],
          "editableUntil" : "",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/Rc4pLm9QzT",
            "expanded_url" : "https://crumbandco.example/recipes/weeknight-loaf",
            "display_url" : "crumbandco.example/recipes",
            "indices" : [
              "0",
              "23"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "71"
      ],
      "favorite_count" : "3",
      "id_str" : "1877402731471654993",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1877402731471654993",
      "created_at" : "Thu Jan 09 17:02:00 +0000 2025",
      "favorited" : false,
      "full_text" : "Recipe card with every gram is on the site too: https://t.co/Rc4pLm9QzT",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1877402245137907712",
      "in_reply_to_status_id" : "1877402245137907712",
      "in_reply_to_user_id" : "1298765432109876543",
      "in_reply_to_user_id_str" : "1298765432109876543",
      "in_reply_to_screen_name" : "crumbandco"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1882643588993741050"
          ],
          "editableUntil" : "",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Jonny",
            "screen_name" : "jonny_rye",
            "indices" : [
              "0",
              "10"
            ],
            "id_str" : "2233445566",
            "id" : "2233445566"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "80"
      ],
      "favorite_count" : "3",
      "id_str" : "1882643588993741050",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1882643588993741050",
      "created_at" : "Fri Jan 24 04:07:09 +0000 2025",
      "favorited" : false,
      "full_text" : "@jonny_rye Forgot to say: a straight-sided jar makes the 50% really easy to see.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1882642213551509760",
      "in_reply_to_status_id" : "1882642213551509760",
      "in_reply_to_user_id" : "1298765432109876543",
      "in_reply_to_user_id_str" : "1298765432109876543",
      "in_reply_to_screen_name" : "crumbandco"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1877402245137907712"
          ],
          "editableUntil" : "",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [
          {
            "url" : "https://t.co/Vd8mQ2nLx1",
            "expanded_url" : "https://crumbandco.example/videos/weeknight-loaf",
            "display_url" : "crumbandco.example/videos/",
            "indices" : [
              "0",
              "23"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "119"
      ],
      "favorite_count" : "3",
      "id_str" : "1877402245137907712",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1877402245137907712",
      "created_at" : "Thu Jan 09 17:00:04 +0000 2025",
      "favorited" : false,
      "full_text" : "New video is up: my weeknight sandwich loaf, start to finish in 5 hours, no stand mixer needed. https://t.co/Vd8mQ2nLx1",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1880112967341277478"
          ],
          "editableUntil" : "",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Wrenfield Market",
            "screen_name" : "wrenfieldmarket",
            "indices" : [
              "0",
              "16"
            ],
            "id_str" : "3344556677",
            "id" : "3344556677"
          },
          {
            "name" : "Maya Okafor 🍞",
            "screen_name" : "crumbandco",
            "indices" : [
              "0",
              "11"
            ],
            "id_str" : "1298765432109876543",
            "id" : "1298765432109876543"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "92"
      ],
      "favorite_count" : "3",
      "id_str" : "1880112967341277478",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1880112967341277478",
      "created_at" : "Fri Jan 17 04:31:24 +0000 2025",
      "favorited" : false,
      "full_text" : "RT @wrenfieldmarket: Saturday stalls are back from 8am, with fresh loaves from @crumbandco 🥖",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1890147366019031467"
          ],
          "editableUntil" : "",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Mo",
            "screen_name" : "mo_kneads",
            "indices" : [
              "0",
              "10"
            ],
            "id_str" : "4455667788",
            "id" : "4455667788"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "90"
      ],
      "favorite_count" : "3",
      "id_str" : "1890147366019031467",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1890147366019031467",
      "created_at" : "Thu Feb 13 21:04:17 +0000 2025",
      "favorited" : false,
      "full_text" : "@mo_kneads Flour &amp; water &amp; salt &amp; time, that's honestly it. Low and slow wins.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1890140020146925825",
      "in_reply_to_status_id" : "1890140020146925825",
      "in_reply_to_user_id" : "4455667788",
      "in_reply_to_user_id_str" : "4455667788",
      "in_reply_to_screen_name" : "mo_kneads"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1884012402775814372"
          ],
          "editableUntil" : "",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Dana",
            "screen_name" : "dana_eats",
            "indices" : [
              "0",
              "10"
            ],
            "id_str" : "7788990011",
            "id" : "7788990011"
          }
        ],
        "urls" : [],
        "media" : [
          {
            "expanded_url" : "https://x.com/crumbandco/status/1884012402775814372/photo/1",
            "indices" : [
              "11",
              "34"
            ],
            "url" : "https://t.co/Xp3Lm0Qa7Z",
            "media_url" : "http://pbs.twimg.com/media/GhX2b1sWcAA0q9L.jpg",
            "id_str" : "1884012345678901248",
            "id" : "1884012345678901248",
            "media_url_https" : "https://pbs.twimg.com/media/GhX2b1sWcAA0q9L.jpg",
            "sizes" : {},
            "type" : "photo",
            "display_url" : "pic.x.com/hX2b1sWcAA"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "34"
      ],
      "favorite_count" : "3",
      "id_str" : "1884012402775814372",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1884012402775814372",
      "created_at" : "Mon Jan 27 22:48:01 +0000 2025",
      "favorited" : false,
      "full_text" : "@dana_eats https://t.co/Xp3Lm0Qa7Z",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1884001197263843702",
      "in_reply_to_status_id" : "1884001197263843702",
      "in_reply_to_user_id" : "7788990011",
      "in_reply_to_user_id_str" : "7788990011",
      "in_reply_to_screen_name" : "dana_eats",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://x.com/crumbandco/status/1884012402775814372/photo/1",
            "indices" : [
              "11",
              "34"
            ],
            "url" : "https://t.co/Xp3Lm0Qa7Z",
            "media_url" : "http://pbs.twimg.com/media/GhX2b1sWcAA0q9L.jpg",
            "id_str" : "1884012345678901248",
            "id" : "1884012345678901248",
            "media_url_https" : "https://pbs.twimg.com/media/GhX2b1sWcAA0q9L.jpg",
            "sizes" : {},
            "type" : "photo",
            "display_url" : "pic.x.com/hX2b1sWcAA"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1882642213551509760"
          ],
          "editableUntil" : "",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Jonny",
            "screen_name" : "jonny_rye",
            "indices" : [
              "0",
              "10"
            ],
            "id_str" : "2233445566",
            "id" : "2233445566"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "133"
      ],
      "favorite_count" : "3",
      "id_str" : "1882642213551509760",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1882642213551509760",
      "created_at" : "Fri Jan 24 04:01:41 +0000 2025",
      "favorited" : false,
      "full_text" : "@jonny_rye 24°C kitchen? Then 4 to 5 hours of bulk is about right. Watch the dough, not the clock: you want it 50% bigger and jiggly.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1882639111243915613",
      "in_reply_to_status_id" : "1882639111243915613",
      "in_reply_to_user_id" : "2233445566",
      "in_reply_to_user_id_str" : "2233445566",
      "in_reply_to_screen_name" : "jonny_rye"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1877951180324540726"
          ],
          "editableUntil" : "",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Tomás",
            "screen_name" : "tomas_bakes",
            "indices" : [
              "0",
              "12"
            ],
            "id_str" : "1109876543210987",
            "id" : "1109876543210987"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "170"
      ],
      "favorite_count" : "3",
      "id_str" : "1877951180324540726",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1877951180324540726",
      "created_at" : "Sat Jan 11 05:21:20 +0000 2025",
      "favorited" : false,
      "full_text" : "@tomas_bakes Gummy in the middle almost always means it was cut too warm. Give it 2 hours on the rack before you slice, I promise it's worth the wait. Crumb doesn't lie 🍞",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1877948002235211957",
      "in_reply_to_status_id" : "1877948002235211957",
      "in_reply_to_user_id" : "1109876543210987",
      "in_reply_to_user_id_str" : "1109876543210987",
      "in_reply_to_screen_name" : "tomas_bakes"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1886521139101782169",
            "1886521617583825233"
          ],
          "editableUntil" : "2025-02-03T21:56:52.000Z",
          "editsRemaining" : "4",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Sam",
            "screen_name" : "sam_ferments",
            "indices" : [
              "0",
              "13"
            ],
            "id_str" : "9900112233",
            "id" : "9900112233"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "48"
      ],
      "favorite_count" : "3",
      "id_str" : "1886521139101782169",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1886521139101782169",
      "created_at" : "Mon Feb 03 20:56:52 +0000 2025",
      "favorited" : false,
      "full_text" : "@sam_ferments Fridge for up to 48 hours is fine.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1886519822136459521",
      "in_reply_to_status_id" : "1886519822136459521",
      "in_reply_to_user_id" : "9900112233",
      "in_reply_to_user_id_str" : "9900112233",
      "in_reply_to_screen_name" : "sam_ferments"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "edit" : {
          "initialTweetId" : "1886521139101782169",
          "editControlInitial" : {
            "editTweetIds" : [
              "1886521139101782169",
              "1886521617583825233"
            ],
            "editableUntil" : "2025-02-03T21:56:52.000Z",
            "editsRemaining" : "4",
            "isEditEligible" : true
          }
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Sam",
            "screen_name" : "sam_ferments",
            "indices" : [
              "0",
              "13"
            ],
            "id_str" : "9900112233",
            "id" : "9900112233"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "122"
      ],
      "favorite_count" : "3",
      "id_str" : "1886521617583825233",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1886521617583825233",
      "created_at" : "Mon Feb 03 20:58:46 +0000 2025",
      "favorited" : false,
      "full_text" : "@sam_ferments Fridge for up to 48 hours is fine. Past that the tang gets really sharp, so 12 to 36 hours is my sweet spot.",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1886519822136459521",
      "in_reply_to_status_id" : "1886519822136459521",
      "in_reply_to_user_id" : "9900112233",
      "in_reply_to_user_id_str" : "9900112233",
      "in_reply_to_screen_name" : "sam_ferments"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1879380412296597631"
          ],
          "editableUntil" : "",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [
          {
            "name" : "Priya",
            "screen_name" : "priya_loaves",
            "indices" : [
              "0",
              "13"
            ],
            "id_str" : "884422116633",
            "id" : "884422116633"
          }
        ],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "126"
      ],
      "favorite_count" : "3",
      "id_str" : "1879380412296597631",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1879380412296597631",
      "created_at" : "Wed Jan 15 04:00:30 +0000 2025",
      "favorited" : false,
      "full_text" : "@priya_loaves Yes! Swap 100 g of the bread flour for rye and add 10 g more water. It'll be a little denser and a lot tastier ✨",
      "lang" : "en",
      "in_reply_to_status_id_str" : "1879371122093027410",
      "in_reply_to_status_id" : "1879371122093027410",
      "in_reply_to_user_id" : "884422116633",
      "in_reply_to_user_id_str" : "884422116633",
      "in_reply_to_screen_name" : "priya_loaves"
    }
  }
]