window.YTD.direct_messages_group.part0 = [
  {
    "dmConversation" : {
      "conversationId" : "1901122334455667788",
      "messages" : [
        {
          "messageCreate" : {
            "reactions" : [],
            "urls" : [],
            "text" : "Me, obviously. Two country loaves and a focaccia ✨",
            "mediaUrls" : [],
            "senderId" : "1298765432109876543",
            "id" : "1902011223344556677",
            "createdAt" : "2025-03-18T14:20:33.300Z"
          }
        },
        {
          "messageCreate" : {
            "reactions" : [],
            "urls" : [],
            "text" : "Who's bringing the bread to the picnic? 👀",
            "mediaUrls" : [],
            "senderId" : "884422116633",
            "id" : "1902009988776655443",
            "createdAt" : "2025-03-18T14:12:09.950Z"
          }
        },
        {
          "joinConversation" : {
            "initiatingUserId" : "884422116633",
            "participantsSnapshot" : [
              "1298765432109876543",
              "884422116633",
              "2233445566"
            ],
            "createdAt" : "2025-03-18T14:10:00.000Z"
          }
        }
      ]
    }
  }
]