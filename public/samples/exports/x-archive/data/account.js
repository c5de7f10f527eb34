window.YTD.account.part0 = [
  {
    "account" : {
      "email" : "maya@crumbandco.example",
      "createdVia" : "web",
      "username" : "crumbandco",
      "accountId" : "1298765432109876543",
      "createdAt" : "2020-08-27T09:14:02.000Z",
      "accountDisplayName" : "Maya Okafor 🍞"
    }
  }
]
