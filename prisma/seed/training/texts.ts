// What the training project's commenters wrote: two form letters, sentences people add to them,
// and pieces of individual comments. All made up.
import type { SeededRandom } from "./clock";

export const FORM_LETTER_SPRINGS = `I am writing about the draft EIS for the Juniper Flat lithium project. The pumping test already showed drawdown at Cottonwood Spring and Badger Spring, and the draft EIS treats that loss as minor. Springs are the only water for miles in this valley: ranchers, sage-grouse, pronghorn and the people who have gathered here for generations all depend on them. Please choose an alternative that keeps the pit above the water table, require monitoring with enforceable trigger levels before any pumping, and do not issue a record of decision until a full year of spring flow data is public. Thank you for considering my comment.`;

export const FORM_LETTER_JOBS = `I support the Juniper Flat lithium project. Nevada needs the jobs this mine will bring, and the country needs a domestic supply of lithium for batteries instead of importing it from overseas. The company has held public meetings, answered questions, and changed its plan after the first review. I ask the agency to finish the environmental impact statement on schedule, adopt the proposed action with reasonable mitigation, and avoid further delays that add cost without adding protection. Local businesses, the school district and the county budget are counting on this project moving forward.`;

/** Sentences commenters add to a form letter: enough words to be kept as their own text. */
export const ADDED_TO_SPRINGS = [
  "My family has watered cattle at Badger Spring for four generations and it has never gone dry.",
  "I hunted chukar below Cottonwood Spring last fall and the flow was already lower than I remember.",
  "Our tribe's elders asked that the springs be named in the document as places of cultural importance.",
  "Please also hold a public meeting in the valley itself, not only in the county seat two hours away.",
  "The appendix with the spring flow data was not posted with the draft, so nobody could check it.",
  "I am a hydrologist and the model's boundary conditions look far too optimistic to me.",
];

export const ADDED_TO_JOBS = [
  "I drive a truck for a contractor and this would let me work near home instead of in another state.",
  "Our diner would stay open year round if the mine crew ate here during shift changes.",
  "My son would come back from Reno if there were real jobs in the valley again.",
  "Please make sure local hiring is written into the record of decision as a commitment.",
];

const OPENINGS = [
  "I live about twenty miles from the project area.",
  "I have read the draft EIS chapters on water and wildlife.",
  "As a member of the county planning commission, I want to raise a few points.",
  "I grew up in this valley and still visit every summer.",
  "I work in battery recycling and follow lithium projects closely.",
  "Our ranch shares a fence line with the proposed haul road.",
  "I am a retired wildlife biologist who surveyed this area in the 1990s.",
  "I teach science at the high school closest to the site.",
];

const POINTS = [
  "The traffic study counts trucks on weekdays only, but the haul road would run seven days a week.",
  "Dust from the clay leach plant is not modeled for the winter inversions we get every year.",
  "The reclamation bond looks too small for a pit this deep and should be recalculated.",
  "I support the project if the company commits to hiring from the county first.",
  "The cumulative effects section ignores the two other lithium projects proposed within fifty miles.",
  "Night lighting at the plant would be visible from the campground and should be shielded.",
  "The alternative with the smaller pit deserves a full analysis, not a single paragraph.",
  "Sage-grouse leks near the pit were surveyed only once, in a dry year.",
  "Water rights for the plant have not been transferred yet, so the water balance is uncertain.",
  "The socioeconomic chapter should say where workers would live, since there is no housing nearby.",
  "Please publish the air permit application alongside the EIS so the public can compare them.",
  "The road to the site crosses a wash that floods every few summers and needs a real crossing.",
  "The tailings facility design should be reviewed by an independent panel before approval.",
  "The company has been a good neighbor so far and answered every question at the open house.",
  "A longer comment period would help people who only heard about the draft last week.",
  "The document should explain what happens to the springs if the pit lake forms after closure.",
];

const CLOSINGS = [
  "Thank you for reading my comment.",
  "I look forward to the agency's response.",
  "Please keep me informed as the review continues.",
  "",
];

export const FIRST_NAMES = [
  "Ana",
  "Ben",
  "Carla",
  "Dale",
  "Elena",
  "Frank",
  "Grace",
  "Hector",
  "Ines",
  "Jack",
  "Kim",
  "Luis",
  "Maya",
  "Ned",
  "Olga",
  "Pete",
  "Rosa",
  "Sam",
  "Tara",
  "Victor",
  "Wendy",
  "Yusuf",
  "Zoe",
  "Amos",
];
export const LAST_NAMES = [
  "Alvarez",
  "Brooks",
  "Chen",
  "Dawes",
  "Etcheverry",
  "Fisher",
  "Garcia",
  "Hale",
  "Ibarra",
  "Jensen",
  "Kowalski",
  "Lopez",
  "Morgan",
  "Nakamura",
  "Ortiz",
  "Price",
  "Quinn",
  "Reyes",
  "Sato",
  "Tso",
];

export const ORGANIZATION_COMMENTS: { name: string; text: string }[] = [
  {
    name: "Valley Water Users Association (fictional)",
    text: "The association represents 42 water right holders downstream of the project. We ask for an enforceable monitoring plan with trigger levels at every spring named in the pumping test report, and for the agency to require replacement water before any spring loses more than ten percent of its flow.",
  },
  {
    name: "County Chamber of Commerce (fictional)",
    text: "The chamber supports the project and asks the agency to keep to the published schedule. We also ask that the company's local hiring and purchasing commitments be made conditions of the decision.",
  },
];

/** An individual comment of two to four points, distinct enough not to look like a form letter. */
export function individualComment(random: SeededRandom): string {
  const points = random.sample(POINTS, 2 + random.int(3));
  return [random.pick(OPENINGS), ...points, random.pick(CLOSINGS)].filter(Boolean).join(" ");
}

export function personName(random: SeededRandom): string {
  return `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
}
