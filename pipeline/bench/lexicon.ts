// Word lists for the synthetic benchmark corpus, drawn from the shapes of the
// seed articles in data/raw (French news on North Korean troops in Russia).

export interface Claimant {
  /** Person's name, absent for an institution. */
  name?: string;
  /** Role or institution with its article: "le secrétaire général de l'OTAN". */
  role: string;
  /** Grammatical plural ("les services de renseignement sud-coréens"). */
  plural?: boolean;
  /** English label for the few English articles. */
  en: string;
}

export const CLAIMANTS: readonly Claimant[] = [
  { name: "Volodymyr Zelensky", role: "le président ukrainien", en: "Ukrainian President Volodymyr Zelensky" },
  { name: "Volodymyr Zelenskyy", role: "le chef de l'État ukrainien", en: "President Volodymyr Zelenskyy" },
  { name: "Volodymyr Zelenskiy", role: "le président ukrainien", en: "Volodymyr Zelenskiy" },
  { name: "Kyrylo Budanov", role: "le chef du renseignement militaire ukrainien", en: "Ukrainian military intelligence chief Kyrylo Budanov" },
  { name: "Andriy Kovalenko", role: "le responsable du Centre ukrainien de lutte contre la désinformation", en: "Andriy Kovalenko, head of Ukraine's Center for Countering Disinformation" },
  { name: "Oleksandr Syrsky", role: "le commandant en chef des forces armées ukrainiennes", en: "Ukrainian commander-in-chief Oleksandr Syrsky" },
  { name: "Andriï Sybiha", role: "le ministre ukrainien des Affaires étrangères", en: "Ukrainian Foreign Minister Andrii Sybiha" },
  { name: "Rustem Umerov", role: "le ministre ukrainien de la Défense", en: "Ukrainian Defence Minister Rustem Umerov" },
  { name: "Mark Rutte", role: "le secrétaire général de l'OTAN", en: "NATO Secretary General Mark Rutte" },
  { name: "Farah Dakhlallah", role: "la porte-parole de l'OTAN", en: "NATO spokeswoman Farah Dakhlallah" },
  { name: "Lloyd Austin", role: "le secrétaire américain à la Défense", en: "US Defense Secretary Lloyd Austin" },
  { name: "Antony Blinken", role: "le secrétaire d'État américain", en: "US Secretary of State Antony Blinken" },
  { name: "Vedant Patel", role: "le porte-parole du département d'État américain", en: "State Department spokesman Vedant Patel" },
  { name: "Sabrina Singh", role: "la porte-parole du Pentagone", en: "Pentagon spokeswoman Sabrina Singh" },
  { name: "John Kirby", role: "le porte-parole du Conseil de sécurité nationale de la Maison Blanche", en: "White House spokesman John Kirby" },
  { name: "Kim Yong-hyun", role: "le ministre sud-coréen de la Défense", en: "South Korean Defence Minister Kim Yong-hyun" },
  { name: "Kim Seon-ho", role: "le vice-ministre sud-coréen de la Défense", en: "South Korean Vice Defence Minister Kim Seon-ho" },
  { name: "Yoon Suk-yeol", role: "le président sud-coréen", en: "South Korean President Yoon Suk-yeol" },
  { name: "Lee Seong-kweun", role: "le député sud-coréen membre de la commission du renseignement", en: "South Korean lawmaker Lee Seong-kweun" },
  { name: "Park Sun-won", role: "le député sud-coréen", en: "South Korean lawmaker Park Sun-won" },
  { role: "le service national de renseignement sud-coréen (NIS)", en: "South Korea's National Intelligence Service" },
  { role: "les services de renseignement sud-coréens", plural: true, en: "South Korean intelligence" },
  { role: "l'état-major interarmées sud-coréen", en: "South Korea's Joint Chiefs of Staff" },
  { role: "le renseignement militaire ukrainien (HUR)", en: "Ukraine's military intelligence (HUR)" },
  { role: "les forces d'opérations spéciales ukrainiennes", plural: true, en: "Ukraine's special operations forces" },
  { role: "l'état-major ukrainien", en: "Ukraine's general staff" },
  { role: "le Pentagone", en: "the Pentagon" },
  { role: "le département d'État américain", en: "the US State Department" },
  { role: "l'Institut pour l'étude de la guerre (ISW)", en: "the Institute for the Study of War" },
  { role: "l'agence de presse sud-coréenne Yonhap", en: "the South Korean news agency Yonhap" },
  { role: "le ministère britannique de la Défense", en: "the British Ministry of Defence" },
  { role: "une source à la présidence ukrainienne", en: "a source in the Ukrainian presidency" },
  { role: "des responsables américains", plural: true, en: "US officials" },
];

/** Those who deny: the claimant of `denied` claims. */
export const DENIERS: readonly Claimant[] = [
  { name: "Dmitri Peskov", role: "le porte-parole du Kremlin", en: "Kremlin spokesman Dmitry Peskov" },
  { name: "Maria Zakharova", role: "la porte-parole de la diplomatie russe", en: "Russian foreign ministry spokeswoman Maria Zakharova" },
  { name: "Kim Song", role: "l'ambassadeur nord-coréen à l'ONU", en: "North Korea's UN ambassador Kim Song" },
  { role: "le Kremlin", en: "the Kremlin" },
  { role: "Pyongyang", en: "Pyongyang" },
  { role: "l'agence officielle nord-coréenne KCNA", en: "the official North Korean agency KCNA" },
];

export const PLACES: readonly string[] = [
  "en Russie", "dans la région de Koursk", "dans la région russe de Koursk", "à Vladivostok",
  "dans l'Extrême-Orient russe", "à Oussouriïsk", "à Khabarovsk", "à Blagovechtchensk",
  "dans la région de Belgorod", "sur le sol ukrainien", "dans l'oblast de Donetsk",
  "près de la frontière ukrainienne", "dans la région de Zaporijjia", "en Ukraine",
  "dans le sud-ouest de la Russie", "sur la ligne de front", "dans la région de Briansk",
];

export const PLACES_EN: readonly string[] = [
  "in Russia", "in Russia's Kursk region", "in the Kursk region", "in Vladivostok", "in the Russian Far East",
  "on Ukrainian soil", "near the Ukrainian border",
];

/** [weight, name, domain]; a few names need CSV quoting on purpose. */
export const PUBLISHERS: readonly (readonly [number, string, string])[] = [
  [9, "Euronews", "fr.euronews.com"],
  [6, "News Day FR", "www.newsday.fr"],
  [7, "BFMTV", "www.bfmtv.com"],
  [7, "TF1 Info", "www.tf1info.fr"],
  [8, "Le Monde", "www.lemonde.fr"],
  [6, "Le Figaro", "www.lefigaro.fr"],
  [7, "France 24", "www.france24.com"],
  [6, "RFI", "www.rfi.fr"],
  [4, "Libération", "www.liberation.fr"],
  [5, "Ouest-France", "www.ouest-france.fr"],
  [4, "20 Minutes", "www.20minutes.fr"],
  [3, "La Croix", "www.la-croix.com"],
  [3, "Le Parisien", "www.leparisien.fr"],
  [3, "L'Express", "www.lexpress.fr"],
  [3, "Courrier international", "www.courrierinternational.com"],
  [2, "La Libre Belgique", "www.lalibre.be"],
  [2, "RTBF", "www.rtbf.be"],
  [2, "Le Temps", "www.letemps.ch"],
  [2, "Radio-Canada", "ici.radio-canada.ca"],
  [2, "Le Monde, avec AFP", "www.lemonde.fr"],
  [1, "Journal \"L'Union\"", "www.lunion.fr"],
  [4, "unknown", ""],
];

export const PUBLISHERS_EN: readonly (readonly [number, string, string])[] = [
  [3, "Reuters", "www.reuters.com"],
  [2, "The Guardian", "www.theguardian.com"],
  [2, "Associated Press", "apnews.com"],
  [1, "Kyiv Independent", "kyivindependent.com"],
];

export const AUTHORS: readonly string[] = [
  "Sasha Vakulina", "Zoé Samin", "Julien Fouchet", "Marie Lemoine", "Thomas Garnier", "Camille Roux",
  "Pierre Dubois", "Léa Marchand", "Hugo Bernard", "Anne-Sophie Petit", "Nicolas Lefèvre", "Inès Moreau",
];

export const SUBHEADS: readonly string[] = [
  "Des déclarations similaires à celles de l'Ukraine", "Personnel civil ou militaire ?",
  "« Nous sommes incroyablement inquiets »", "Échange d'informations avec les Sud-Coréens",
  "La Russie et la Corée du Nord nient – l'Ukraine exige une réaction", "« Une menace importante », selon la Corée du Sud",
  "Une escalade significative", "Ce que l'on sait", "Un traité de défense mutuelle", "Des soldats formés à l'artillerie",
  "Pyongyang garde le silence", "Les alliés de Kiev inquiets", "Sur le terrain", "Quelles conséquences pour le conflit ?",
];

export const TITLES: readonly string[] = [
  "L'OTAN affirme détenir les preuves du déploiement de troupes nord-coréennes en Russie",
  "L'OTAN confirme la présence de troupes nord-coréennes en Russie",
  "Des soldats nord-coréens bientôt aux côtés des troupes russes en Ukraine ?",
  "Guerre en Ukraine : Washington confirme l'engagement de soldats nord-coréens dans les combats",
  "Des troupes nord-coréennes déployées en Russie alors que les États-Unis annoncent un nouveau paquet d'aide",
  "Soldats nord-coréens en Russie : ce que l'on sait",
  "Kiev affirme avoir capturé des soldats nord-coréens dans la région de Koursk",
  "Séoul s'inquiète de l'envoi de forces spéciales nord-coréennes en Russie",
  "Corée du Nord : Pyongyang aurait envoyé de nouveaux renforts à Moscou",
  "Le Kremlin dément toute présence de soldats nord-coréens",
];

export const NAV_LINES: readonly string[] = [
  "Newsletter Newsletters Events Évènements Podcasts Vidéos Africanews",
  "Loader", "Suivez-nous", "Publicité", "Menu", "Rechercher", "Se connecter", "S'abonner",
  "Accueil > International > Europe", "Accueil International Politique Économie Culture Sport",
  "Direct TV Replay Podcasts", "EN DIRECT", "Abonnez-vous à partir de 1 €",
];

export const SHARE_LINES: readonly string[] = [
  "Partager cet article Discussion", "Partager cet article Close Button",
  "Copier/coller le lien embed de la vidéo de l'article : Copy to clipboard Lien copié",
  "Partager", "Facebook Twitter LinkedIn WhatsApp E-mail", "Partager sur Facebook Partager sur X",
  "Tweeter", "Copier le lien", "Envoyer par e-mail", "Imprimer",
];

export const FOOTER_LINES: readonly string[] = [
  "For Latest Updates Follow us on Google News", "Article original publié sur BFMTV.com", "Exit mobile version",
  "Avez-vous trouvé une erreur ou une inexactitude ?", "Nous étudierons vos commentaires dans les plus brefs délais.",
  "Accéder aux raccourcis d'accessibilité", "Suivez la couverture complète",
  "Nous utilisons des cookies pour améliorer votre expérience. Accepter Refuser Paramétrer",
  "Cet article vous a-t-il été utile ? Oui Non", "Tous droits réservés © 2024",
  "Mentions légales Politique de confidentialité Gestion des cookies Contact",
];

export const RELATED_HEADS: readonly string[] = [
  "À découvrir également", "Lire aussi", "Related News :", "Sur le même sujet", "À lire aussi", "Nos articles sur le sujet",
];

/** Related-link titles: several carry numbers (distractors a cleaner should drop). */
export const RELATED_TITLES: readonly string[] = [
  "La Corée du Sud peut-elle fournir plus d'armes à l'Ukraine ?",
  "L'Ukraine a détruit 17 % de la capacité de raffinage du pétrole russe, créant des pénuries",
  "Visite de la plus grande usine de drones kamikazes de Russie",
  "La Corée du Nord est la première à publier des images d'une usine d'uranium enrichi",
  "Alerte ORANGE « pluie crue » et « orages », à 8 heures du matin",
  "Fortes pluies attendues dans quelques heures, alerte activée",
  "3 000 soldats nord-coréens envoyés en Russie, selon Séoul",
  "Guerre en Ukraine : 1 000 jours de conflit en 10 dates",
  "Présidentielle américaine : ce que prévoit Donald Trump pour l'Ukraine",
  "Le prix du gaz en hausse de 12 % cet hiver",
  "Poutine signe la loi ratifiant le traité avec Pyongyang",
  "Mobilisation : Kiev abaisse l'âge de conscription à 25 ans",
  "Ces 5 chiffres qui résument la guerre en Ukraine",
];

export const CAPTIONS: readonly string[] = [
  "Des soldats nord-coréens en uniformes historiques défilent sur la place Kim Il Sung, samedi 10 octobre 2015, à Pyongyang, en Corée du Nord.",
  "Kim Jong-un et Vladimir Poutine lors de leur rencontre à Pyongyang, le 19 juin 2024.",
  "Un soldat ukrainien dans la région de Donetsk, le 2 novembre 2024.",
  "Des militaires nord-coréens lors d'un défilé à Pyongyang en 2023.",
];

export const CREDITS: readonly string[] = [
  "Tous droits réservés  Wong Maye-E/AP", "© AFP", "Crédit photo : KCNA via Reuters", "Photo d'illustration AP/SIPA",
  "Gavriil Grigorov/Sputnik/AFP", "© Reuters",
];

export const NOUNS: readonly string[] = [
  "soldats nord-coréens", "soldats nord-coréens", "militaires nord-coréens", "hommes", "soldats",
  "membres des forces spéciales nord-coréennes", "combattants nord-coréens",
];

export const HTML_DEBRIS: readonly string[] = [
  '  • type="image/avif" class="jsx-2028956212"> type="image/jpeg" class="jsx-2028956212"> type="image/avif" class="jsx-2028956212">>>>>>>',
  '<div class="ad-slot" data-ad="mpu-1"></div>',
  "&nbsp;&nbsp;",
  '<img src="/images/2024/10/soldats.jpg" alt="" loading="lazy">',
  "<br><br>",
  '<script>window.dataLayer = window.dataLayer || []; dataLayer.push({"event": "page_view", "id": 48213});</script>',
  '<iframe src="https://www.youtube.com/embed/xyz" width="560" height="315"></iframe>',
];
