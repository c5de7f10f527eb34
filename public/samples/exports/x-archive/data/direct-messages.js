window.YTD.direct_messages.part0 = [
  {
    "dmConversation" : {
      "conversationId" : "884422116633-1298765432109876543",
      "messages" : [
        {
          "reactionCreate" : {
            "senderId" : "884422116633",
            "reactionKey" : "like",
            "eventId" : "1886480118120000001",
            "createdAt" : "2025-02-03T19:31:02.114Z"
          }
        },
        {
          "messageCreate" : {
            "recipientId" : "1298765432109876543",
            "reactions" : [],
            "urls" : [],
            "text" : "Amazing, thank you!!",
            "mediaUrls" : [],
            "senderId" : "884422116633",
            "id" : "1886479911123456789",
            "createdAt" : "2025-02-03T19:45:00.207Z"
          }
        },
        {
          "messageCreate" : {
            "recipientId" : "884422116633",
            "reactions" : [],
            "urls" : [],
            "text" : "When you're back, 2 feeds at room temp before you bake with it 🍞",
            "mediaUrls" : [],
            "senderId" : "1298765432109876543",
            "id" : "1886476034098765432",
            "createdAt" : "2025-02-03T19:30:30.911Z"
          }
        },
        {
          "messageCreate" : {
            "recipientId" : "884422116633",
            "reactions" : [],
            "urls" : [],
            "text" : "Hey Priya! So glad the rye worked. Yes: feed it, wait an hour, then fridge. It'll be fine for 2 weeks.",
            "mediaUrls" : [],
            "senderId" : "1298765432109876543",
            "id" : "1886475928811223344",
            "createdAt" : "2025-02-03T19:30:05.030Z"
          }
        },
        {
          "messageCreate" : {
            "recipientId" : "1298765432109876543",
            "reactions" : [],
            "urls" : [],
            "text" : "Quick one though: can I keep my starter in the fridge while I'm away for a week?",
            "mediaUrls" : [],
            "senderId" : "884422116633",
            "id" : "1886468987654321098",
            "createdAt" : "2025-02-03T19:02:40.555Z"
          }
        },
        {
          "messageCreate" : {
            "recipientId" : "1298765432109876543",
            "reactions" : [],
            "urls" : [],
            "text" : "Hi Maya! Tried your rye swap and it worked 😍",
            "mediaUrls" : [],
            "senderId" : "884422116633",
            "id" : "1886468866778899001",
            "createdAt" : "2025-02-03T19:02:11.482Z"
          }
        }
      ]
    }
  },
  {
    "dmConversation" : {
      "conversationId" : "1298765432109876543-5566778899",
      "messages" : [
        {
          "messageCreate" : {
            "recipientId" : "5566778899",
            "reactions" : [],
            "urls" : [],
            "text" : "Oh, pretty loaf! A pale bottom usually means the pot wasn't hot enough. Preheat the Dutch oven a full 45 minutes at 250°C and bake on the lowest rack.",
            "mediaUrls" : [],
            "senderId" : "1298765432109876543",
            "id" : "1899390132455667788",
            "createdAt" : "2025-03-11T09:02:00.118Z"
          }
        },
        {
          "messageCreate" : {
            "recipientId" : "1298765432109876543",
            "reactions" : [],
            "urls" : [],
            "text" : "This is my loaf, why is the bottom so pale?",
            "mediaUrls" : [],
            "senderId" : "5566778899",
            "id" : "1899378307766554433",
            "createdAt" : "2025-03-11T08:15:40.640Z"
          }
        },
        {
          "messageCreate" : {
            "recipientId" : "1298765432109876543",
            "reactions" : [],
            "urls" : [
              {
                "url" : "https://t.co/Ph0t0AbCdE",
                "expanded" : "https://x.com/messages/media/1899378140011223344",
                "display" : "pic.x.com/Ph0t0AbCdE"
              }
            ],
            "text" : "https://t.co/Ph0t0AbCdE",
            "mediaUrls" : [
              "https://ton.x.com/dm/1899378140011223344/1899378139000000000/QmX1aB2c.jpg"
            ],
            "senderId" : "5566778899",
            "id" : "1899378140011223344",
            "createdAt" : "2025-03-11T08:15:00.001Z"
          }
        }
      ]
    }
  }
]