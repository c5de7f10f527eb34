/**
 * A Q&A video with 60 comments for Draft all (issue 14): questions the sample creator (a
 * sourdough baker, public/samples/sample-profile.json) has answered before, a returning
 * commenter (@maria.bakes, also on the default video), spam with links, the same text from
 * several bot accounts, bot patterns, abuse, and comments on the sample profile's boundaries
 * (politics, medical advice, where she lives). Plain ES module, served to the fixture page.
 */

export const QA_VIDEO = { id: 'qaSixtyQs01', title: 'Your Sourdough Questions, Answered (Live Q&A)' };

const COPY = 'Wow amazing content everyone go watch my latest upload right now';

/** [author, text] in page order; the kinds are named for the tests that count them. */
export const QA_COMMENTS = [
  ['@nina.loaf', 'How do you know when your starter is ready to use?'],
  ['@pat.crumb', 'This Q&A format is so cosy, more of these please'],
  ['@spamking', 'Best flour deals here https://cheap-flour.example/deal click now'],
  ['@tom.weekends', 'Can I keep my starter in the fridge? I only bake on weekends'],
  ['@maria.bakes', 'Made your batard again this weekend and it turned out beautifully'],
  ['@bot_1', COPY],
  ['@greyliquid', 'There is grey liquid on top of my starter, did I kill it?'],
  ['@voter22', 'Who are you voting for in the election next month?'],
  ['@sunny.dough', 'Your kitchen always looks so calm'],
  ['@ryeguy', 'Rye or white flour for starting a starter from scratch?'],
  ['@hater99', 'You are a fraud and an idiot, shut up and stop pretending you can bake'],
  ['@bot_2', COPY],
  ['@scoring.fan', 'What blade do you use for scoring?'],
  ['@happy.baker', 'Baked along with you today, the whole house smells amazing'],
  ['@glucose.q', 'Is this bread safe for diabetics? My blood sugar spikes with white bread'],
  ['@crypto.wins', 'I made $5,000 a week with this crypto plan, message me on telegram'],
  ['@first.loaf', 'Why is my crumb so dense at the bottom?'],
  ['@loaf.lover', 'Gerald is the real star of this channel'],
  ['@bot_3', COPY],
  ['@fridge.q', 'How long can dough stay in the fridge overnight?'],
  ['@link.drop', 'Full course for free at www.bread-secrets.example, thank me later'],
  ['@weekend.baker', 'Finally nailed the ear thanks to you'],
  ['@visitor', 'What street is your house on? I want to come and buy a loaf in person'],
  ['@hydration', 'What hydration do you use for the open crumb loaf?'],
  ['@sub.4.sub', 'sub4sub anyone? I subscribe back'],
  ['@calm.kneader', 'Watching this on my lunch break, so relaxing'],
  ['@banneton', 'Do I need a banneton or can I use a bowl with a towel?'],
  ['@troll.again', 'Nobody cares about your stupid bread, go die'],
  ['@oven.q', 'Which oven setting do you use, fan or conventional?'],
  ['@baking.mum', 'My kids loved the loaf we made together'],
  ['@salt.q', 'When do you add the salt?'],
  ['@crust.fan', 'That crackle when you cut it!'],
  ['@proof.q', 'How do I know if my dough is overproofed?'],
  ['@new.here', 'Just found your channel and binged everything'],
  ['@discard.q', 'What can I do with my sourdough discard?'],
  ['@slow.riser', 'My starter is slow in winter, any tips?'],
  ['@lovely', 'Such a lovely community here'],
  ['@whole.wheat', 'Can I use whole wheat flour for the whole loaf?'],
  ['@ear.q', 'How deep should the score be to get an ear?'],
  ['@cheerful', 'You make it look so easy'],
  ['@dutch.oven', 'Do you preheat the Dutch oven with the lid on?'],
  ['@gerald.fan', 'Say hi to Gerald for me'],
  ['@bulk.q', 'How long is your bulk ferment at room temperature?'],
  ['@quiet.viewer', 'First time commenting, love the videos'],
  ['@flat.loaf', 'Why does my loaf spread flat in the oven?'],
  ['@thanks.maya', 'Thank you for the printable timeline'],
  ['@levain.q', 'What ratio do you feed your starter?'],
  ['@big.fan', 'Best bread channel on the internet'],
  ['@steam.q', 'Do you add ice cubes for steam?'],
  ['@weekday', 'Bread on a Tuesday hits different'],
  ['@cold.kitchen', 'My kitchen is cold, where should I keep the dough to rise?'],
  ['@rustic', 'The rustic look of that loaf is perfect'],
  ['@gluten.q', 'Can I make this gluten free?'],
  ['@nice.vibes', 'Great music in the background too'],
  ['@jar.q', 'What size jar do you keep Gerald in?'],
  ['@saved', 'Saved this video for the weekend'],
  ['@baking.newbie', 'Is it normal for my starter to smell like vinegar?'],
  ['@cozy', 'This made my morning'],
  ['@tools.q', 'Which scale do you recommend for a beginner?'],
  ['@wave', 'Greetings from Lisbon!'],
];

/** The thread at `index` on the Q&A video; past 60 the comments come round again, numbered, so a long page stays distinct. */
export function qaSeed(index) {
  const [author, text] = QA_COMMENTS[index % QA_COMMENTS.length];
  const round = Math.floor(index / QA_COMMENTS.length);
  const minutes = 5 + index;
  return {
    author: round === 0 ? author : `${author}${round + 1}`,
    text: round === 0 ? text : `${text} (round ${round + 1}, loaf ${index})`,
    time: `${minutes} minutes ago`,
    likes: String(index % 7),
    variant: index % 3 === 0 ? 'legacy' : 'vm',
  };
}
