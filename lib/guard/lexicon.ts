/**
 * Word lists the checks share, in English, Spanish, Portuguese, French and German, folded
 * (lower case, no accents). Each group is one meaning across the five languages, so a fact
 * written in English ("He has a daughter, Lia") backs a Portuguese draft ("minha filha").
 */

/** Family members by meaning. `child` and `partner` are the generic words the specific ones back. */
export const FAMILY: Record<string, string[]> = {
  son: ['son', 'sons', 'boy', 'boys', 'stepson', 'hijo', 'hijos', 'filho', 'filhos', 'fils', 'sohn', 'sohne'],
  daughter: ['daughter', 'daughters', 'girl', 'girls', 'stepdaughter', 'hija', 'hijas', 'filha', 'filhas', 'fille', 'filles', 'tochter'],
  child: ['kid', 'kids', 'child', 'children', 'baby', 'toddler', 'twins', 'little one', 'little ones', 'bebe', 'nino', 'ninos', 'crianca', 'criancas', 'enfant', 'enfants', 'kind', 'kinder'],
  husband: ['husband', 'hubby', 'marido', 'esposo', 'mari', 'epoux', 'mann', 'ehemann'],
  wife: ['wife', 'esposa', 'mujer', 'femme', 'epouse', 'frau', 'ehefrau'],
  partner: ['partner', 'boyfriend', 'girlfriend', 'fiance', 'fiancee', 'spouse', 'other half', 'pareja', 'novio', 'novia', 'namorado', 'namorada', 'companheiro', 'companheira', 'conjoint', 'conjointe', 'copain', 'copine', 'partnerin', 'verlobter', 'verlobte'],
  parent: ['mum', 'mom', 'mother', 'mama', 'dad', 'father', 'parents', 'madre', 'padre', 'padres', 'papa', 'mae', 'pai', 'pais', 'mere', 'maman', 'pere', 'mutter', 'vater', 'eltern'],
  sibling: ['brother', 'brothers', 'sister', 'sisters', 'siblings', 'hermano', 'hermanos', 'hermana', 'hermanas', 'irmao', 'irmaos', 'irma', 'irmas', 'frere', 'freres', 'soeur', 'sœur', 'soeurs', 'sœurs', 'bruder', 'schwester', 'schwestern', 'geschwister'],
  grandparent: ['grandmother', 'grandma', 'granny', 'nan', 'nana', 'grandfather', 'grandpa', 'grandparents', 'abuela', 'abuelo', 'abuelos', 'avo', 'avos', 'vovo', 'grand-mere', 'grand-pere', 'grands-parents', 'mamie', 'papi', 'oma', 'opa', 'grossmutter', 'großmutter', 'grossvater', 'großvater', 'großeltern', 'grosseltern'],
  family: ['family', 'in-laws', 'aunt', 'uncle', 'cousin', 'niece', 'nephew', 'familia', 'tia', 'tio', 'primo', 'prima', 'sobrino', 'sobrina', 'sobrinho', 'sobrinha', 'famille', 'tante', 'oncle', 'neveu', 'niece', 'familie', 'onkel', 'neffe', 'nichte'],
};
/** Which specific groups a generic word is backed by. */
export const FAMILY_BACKED_BY: Record<string, string[]> = {
  child: ['child', 'son', 'daughter'],
  partner: ['partner', 'husband', 'wife'],
  family: ['family', 'son', 'daughter', 'child', 'husband', 'wife', 'partner', 'parent', 'sibling', 'grandparent'],
};

/** Things a person owns, pets included. */
export const OWNED = [
  'car', 'van', 'camper', 'camper van', 'campervan', 'truck', 'motorbike', 'house', 'flat', 'apartment', 'cottage', 'cabin', 'farm', 'farmhouse', 'garden', 'allotment', 'bakery', 'shop', 'restaurant', 'cafe', 'boat', 'yacht',
  'dog', 'puppy', 'cat', 'kitten', 'horse', 'pony', 'chickens', 'pet', 'pets', 'kitchenaid', 'thermomix', 'stand mixer', 'bread machine', 'pizza oven', 'tesla',
  'coche', 'carro', 'furgoneta', 'casa', 'piso', 'granja', 'jardin', 'huerto', 'panaderia', 'tienda', 'restaurante', 'perro', 'perrita', 'perrito', 'gato', 'gata', 'caballo', 'barco',
  'apartamento', 'fazenda', 'sitio', 'jardim', 'padaria', 'loja', 'cachorro', 'cachorra', 'cao', 'cavalo',
  'voiture', 'camion', 'maison', 'appartement', 'ferme', 'boulangerie', 'boutique', 'chien', 'chienne', 'chat', 'chatte', 'cheval', 'bateau',
  'auto', 'wagen', 'haus', 'wohnung', 'bauernhof', 'garten', 'backerei', 'laden', 'hund', 'hundin', 'katze', 'kater', 'pferd', 'boot',
];

/** Jobs, by meaning across languages (a fact in English backs "soy enfermera"). */
export const JOBS: string[][] = [
  ['nurse', 'enfermera', 'enfermero', 'enfermeira', 'enfermeiro', 'infirmiere', 'infirmier', 'krankenschwester', 'krankenpfleger', 'pfleger', 'pflegerin'],
  ['teacher', 'profesora', 'profesor', 'maestra', 'maestro', 'professora', 'professor', 'professeur', 'professeure', 'prof', 'institutrice', 'instituteur', 'lehrer', 'lehrerin'],
  ['doctor', 'medica', 'medico', 'doctora', 'medecin', 'arzt', 'arztin'],
  ['accountant', 'contable', 'contadora', 'contador', 'comptable', 'buchhalter', 'buchhalterin'],
  ['engineer', 'ingeniera', 'ingeniero', 'engenheira', 'engenheiro', 'ingenieur', 'ingenieure', 'ingenieurin'],
  ['lawyer', 'abogada', 'abogado', 'advogada', 'advogado', 'avocat', 'avocate', 'anwalt', 'anwaltin'],
  ['chef', 'cook', 'cocinera', 'cocinero', 'cozinheira', 'cozinheiro', 'cuisinier', 'cuisiniere', 'koch', 'kochin'],
  ['baker', 'pastry chef', 'panadera', 'panadero', 'pastelera', 'padeira', 'padeiro', 'confeiteira', 'boulanger', 'boulangere', 'patissier', 'patissiere', 'backer', 'backerin', 'konditor', 'konditorin'],
  ['dietitian', 'nutritionist', 'dietista', 'nutricionista', 'dieteticien', 'dieteticienne', 'nutritionniste', 'ernahrungsberater', 'ernahrungsberaterin'],
  ['student', 'estudiante', 'estudante', 'etudiant', 'etudiante', 'studentin'],
  ['physiotherapist', 'fisioterapeuta', 'kine', 'kinesitherapeute', 'physiotherapeut', 'physiotherapeutin'],
  ['designer', 'developer', 'programmer', 'scientist', 'chemist', 'pharmacist', 'dentist', 'pilot', 'firefighter', 'vet', 'midwife', 'mechanic', 'electrician', 'farmer', 'architect', 'journalist', 'photographer', 'accountant', 'banker', 'lecturer', 'professor'],
  ['quimica', 'quimico', 'chimiste', 'chemikerin', 'chemiker', 'farmaceutica', 'pharmacienne', 'apothekerin', 'arquitecta', 'arquiteta', 'architecte', 'architektin', 'periodista', 'jornalista', 'journaliste', 'journalistin'],
];

/** Health conditions and states a person may claim for themselves. */
export const HEALTH = [
  'celiac', 'coeliac', 'diabetic', 'diabetes', 'type 1', 'type 2', 'pregnant', 'allergic', 'allergy', 'allergies', 'asthma', 'ibs', 'crohn', "crohn's", 'cancer', 'hay fever', 'eczema', 'adhd', 'autism', 'autistic', 'anxiety', 'depression', 'migraines', 'lactose intolerant', 'gluten intolerant', 'intolerant', 'vegan', 'vegetarian', 'long covid',
  'celiaca', 'celiaco', 'celiaquia', 'diabetica', 'diabetico', 'embarazada', 'alergica', 'alergico', 'alergia', 'asma', 'vegana', 'vegano', 'vegetariana',
  'celiaca', 'doenca celiaca', 'gravida', 'alergia', 'rinite',
  'coeliaque', 'diabetique', 'enceinte', 'allergique', 'rhume des foins', 'vegetalienne',
  'zoliakie', 'diabetiker', 'diabetikerin', 'schwanger', 'allergisch', 'allergie', 'heuschnupfen', 'veganerin', 'vegetarierin',
];

export function escapeRegex(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
}
