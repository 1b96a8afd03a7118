// Whole pages in the shape of other French and English news sites (written
// for this test, not copied from the seeds): the rules must generalise.

import { describe, expect, it } from "vitest";
import { clean } from "../pipeline/clean/index.js";
import { verifyClean } from "../pipeline/clean/verify.js";

function check(raw: string, article: string[]): void {
  const r = clean(raw);
  expect(verifyClean(raw, r)).toEqual([]);
  expect(r.text).toBe(article.join("\n\n"));
}

describe("pages from other sites", () => {
  it("a French daily with breadcrumb, bylines, reading time, inline 'Lire aussi', h2 tags, feedback prompt, related list", () => {
    const article = [
      "Guerre en Ukraine : Séoul affirme que 3 000 soldats nord-coréens ont rejoint le front",
      "Les services sud-coréens estiment que le déploiement s’accélère depuis la fin octobre.",
      "Le renseignement sud-coréen a affirmé mercredi que « plus de 3 000 » soldats nord-coréens avaient été envoyés vers la région de Koursk.",
      "Un bilan difficile à vérifier",
      "Kiev n’a pas confirmé ces chiffres, mais a dit avoir observé des unités nord-coréennes près de la frontière.",
    ];
    const raw = [
      "Accueil › International › Europe",
      "Mis à jour le 30 octobre 2024 à 18h42",
      "",
      article[0],
      "",
      article[1],
      "Par Marie Dupont et Jean Martin",
      "Publié le 30 octobre 2024 à 12h05",
      "Temps de lecture : 3 min.",
      "",
      article[2],
      "",
      "Lire aussi : Kim Jong-un reçoit le ministre russe de la défense",
      "",
      "<h2>" + article[3] + "</h2>",
      "",
      article[4],
      "",
      "Cet article vous a-t-il été utile ?",
      "Sur le même sujet",
      "Pyongyang dément tout envoi de troupes",
      "Ce que l’on sait des soldats nord-coréens en Russie",
      "Suivez-nous sur Facebook",
    ].join("\n");
    check(raw, article);
  });

  it("an English wire story with ads, share bar, newsletter box and cookie banner", () => {
    const article = [
      "North Korean troops seen near Kursk, officials say",
      "SEOUL (Reuters) - About 10,000 North Korean soldiers have moved to Russia's Kursk region, a U.S. official said on Monday.",
      "The official, who spoke on condition of anonymity, said the troops were expected to join combat operations soon.",
      "Russia has neither confirmed nor denied the deployment.",
    ];
    const raw = [
      "We use cookies to improve your experience. By using our site you accept our cookie policy.",
      "Accept all",
      "Skip to main content",
      "World | Asia Pacific | Europe",
      article[0],
      "By Hyonhee Shin and Jack Kim",
      "November 4, 2024 10:15 AM GMT+9",
      "Updated 2 hours ago",
      "Facebook Twitter LinkedIn Email",
      "",
      article[1],
      "",
      "Advertisement · Scroll to continue",
      "",
      article[2],
      "",
      "Sign up here.",
      "Get the latest news delivered to your inbox",
      "",
      article[3],
      "",
      "Reporting by Hyonhee Shin",
      "Our Standards: The Thomson Reuters Trust Principles.",
      "Read more:",
      "Kim and Putin sign defence pact",
      "South Korea weighs sending weapons to Ukraine",
    ].join("\n");
    const r = clean(raw);
    expect(verifyClean(raw, r)).toEqual([]);
    for (const a of article) expect(r.text).toContain(a);
    for (const junk of ["cookie", "Accept all", "Skip to", "World |", "By Hyonhee", "GMT", "Updated", "LinkedIn", "Advertisement", "inbox", "Reporting by", "Kim and Putin sign", "weighs sending"]) {
      expect(r.text).not.toContain(junk);
    }
  });
});
