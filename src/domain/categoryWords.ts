// Hand-written additions to the generated category table: an icon and the everyday words people
// type for each category (Flemish Dutch first, then French and English).

// One line per category: `id icon word, word, …`. A text table keeps 40 rows readable and the
// formatter from spreading each word over its own line.
const TABLE = `
1 ❄️ airco, airconditioning, mobiele airco, ontvochtiger, luchtontvochtiger, klimaatregelaar, climatiseur, déshumidificateur, air conditioning, dehumidifier
2 🔌 oplader, lader, adapter, netadapter, voeding, transfo, batterijlader, powerbank, gsm-lader, chargeur, adaptateur, charger, power supply
3 🎄 kerstverlichting, kerstlampjes, lichtslinger, lichtjes, led-strip, tuinverlichting, noodverlichting, zaklamp, guirlande lumineuse, fairy lights, christmas lights
4 🖥️ pc, computer, desktop, computerkast, tower, all-in-one, imac, ordinateur, unité centrale, desktop pc
5 📷 fototoestel, camera, digitale camera, compactcamera, appareil photo, appareil numérique, compact camera
6 🎥 spiegelreflex, spiegelreflexcamera, videocamera, camcorder, handycam, systeemcamera, reflex, caméscope, dslr, video camera
7 🌀 ventilator, ventilo, staande ventilator, tafelventilator, plafondventilator, torenventilator, ventilateur, fan
8 📺 tv, televisie, tv-toestel, monitor, scherm, beeldscherm, computerscherm, flatscreen, lcd, led-tv, télévision, téléviseur, télé, écran, moniteur, television, screen
9 💇 scheerapparaat, krulijzer, stijltang, krultang, tondeuse, baardtrimmer, epilator, ladyshave, elektrische tandenborstel, föhnborstel, rasoir électrique, lisseur, fer à boucler, shaver, hair straightener
10 👾 gameboy, game boy, nintendo ds, 3ds, psp, draagbare spelcomputer, mp3-speler, mp3, ipod, console portable, handheld
11 🎧 koptelefoon, hoofdtelefoon, oortjes, oordopjes, headset, earbuds, écouteurs, casque, headphones
12 🔊 stereo, stereoketen, muziekinstallatie, minihifi, micro-set, radio-cassettespeler, radio-cd-speler, boombox, ghettoblaster, chaîne stéréo, chaîne hifi, stereo system
13 🎛️ versterker, cd-speler, platenspeler, draaitafel, tuner, luidspreker, boxen, speaker, cassettedeck, receiver, amplificateur, ampli, tourne-disque, enceinte, amplifier, turntable
14 🫖 waterkoker, waterketel, theekoker, elektrische ketel, bouilloire, bouilloire électrique, kettle, electric kettle
15 💡 lamp, bureaulamp, staanlamp, leeslamp, hanglamp, nachtlampje, plafonnière, luster, lampe, lampadaire, lampe de bureau, desk lamp
16 💻 laptop, notebook, macbook, chromebook, netbook, draagbare computer, ordinateur portable, pc portable
17 🧺 wasmachine, droogkast, droogtrommel, wasdroger, koelkast, frigo, ijskast, diepvriezer, diepvries, vaatwasser, afwasmachine, vaatwasmachine, oven, fornuis, kookplaat, dampkap, lave-linge, sèche-linge, lave-vaisselle, réfrigérateur, congélateur, washing machine, fridge, dishwasher
18 📦 overige, andere, ander toestel, onbekend, divers, autre, other
19 📱 gsm, smartphone, mobieltje, mobiele telefoon, iphone, android, portable, téléphone portable, téléphone, mobile, phone, cell phone
20 🎹 keyboard, synthesizer, digitale piano, elektronische piano, elektrische gitaar, gitaarversterker, orgel, effectpedaal, synthé, piano numérique, guitare électrique, electric guitar
21 📄 papiervernietiger, papierversnipperaar, shredder, versnipperaar, destructeur, broyeur, déchiqueteuse, paper shredder
22 ⌨️ toetsenbord, muis, webcam, usb-hub, router, modem, computerluidsprekers, clavier, souris, keyboard, mouse
23 📻 radio, transistorradio, dab-radio, keukenradio, werfradio, bouwradio, wereldontvanger, poste radio, transistor, portable radio
24 🪛 boormachine, boor, klopboormachine, schroefboormachine, accuboormachine, slijpschijf, slijpmachine, haakse slijper, decoupeerzaag, cirkelzaag, schuurmachine, heggenschaar, kettingzaag, bladblazer, hogedrukreiniger, soldeerbout, perceuse, visseuse, meuleuse, scie sauteuse, drill, jigsaw, sander
25 🖨️ printer, scanner, afdrukker, laserprinter, inkjetprinter, kopieermachine, all-in-one printer, fax, labelprinter, imprimante, photocopieuse, copier
26 📽️ beamer, projector, diaprojector, filmprojector, overheadprojector, vidéoprojecteur, projecteur, rétroprojecteur
27 🧵 naaimachine, lockmachine, overlock, borduurmachine, machine à coudre, surjeteuse, sewing machine
28 🏠 elektrisch vuurtje, elektrische kachel, verwarming, oliebadradiator, ventilatorkachel, luchtbevochtiger, luchtreiniger, elektrische deken, voetbad, weegschaal, deurbel, stoomreiniger, chauffage d'appoint, radiateur, humidificateur, heater
29 🍳 microgolf, microgolfoven, magnetron, micro-ondes, frietketel, friteuse, frituurpan, airfryer, grill, contactgrill, gourmet, gourmetstel, wafelijzer, tosti-ijzer, croque-monsieur, sandwichmaker, raclette, fondue, rijstkoker, eierkoker, broodbakmachine, slowcooker, pannenkoekenplaat, gaufrier, appareil à raclette, microwave, deep fryer, waffle iron, rice cooker
30 📲 tablet, ipad, galaxy tab, e-reader, ereader, kindle, tablette, liseuse
31 🍞 broodrooster, toaster, rooster, toastrooster, grille-pain
32 🧸 speelgoed, elektrisch speelgoed, speelgoedrobot, elektrische trein, racebaan, rc-auto, drone, jouet, jouet électrique, toy
33 🕹️ afstandsbediening, controller, joystick, decoder, digicorder, settopbox, dvd-speler, blu-ray-speler, videorecorder, soundbar, télécommande, manette, lecteur dvd, remote control, dvd player
34 🧹 stofzuiger, steelstofzuiger, robotstofzuiger, kruimeldief, sledestofzuiger, dweilrobot, aspirateur, aspirateur robot, hoover, vacuum
35 ⏰ wekker, klok, horloge, uurwerk, radiowekker, keukenklok, wandklok, réveil, montre, pendule, alarm clock, watch, clock
36 ☕ koffiemachine, koffiezet, koffiezetapparaat, koffiezetter, senseo, espresso, espressomachine, nespresso, dolce gusto, percolator, melkopschuimer, machine à café, cafetière, coffee machine
37 🥤 mixer, blender, staafmixer, handmixer, keukenrobot, foodprocessor, hakmolen, smoothiemaker, sapcentrifuge, citruspers, mixeur, robot culinaire, robot ménager, hand blender
38 🎮 playstation, ps4, ps5, xbox, nintendo switch, nintendo, wii, spelconsole, gameconsole, console, console de jeux, games console
39 💨 haardroger, föhn, haarföhn, haardroogkap, sèche-cheveux, hair dryer, blow dryer
40 👔 strijkijzer, stoomstrijkijzer, stoomgenerator, strijkcentrale, fer à repasser, centrale vapeur, iron, steam iron
`;

export interface CategoryWords {
  icon: string;
  synonyms: string[];
}

function parseTable(table: string): ReadonlyMap<number, CategoryWords> {
  const byId = new Map<number, CategoryWords>();
  for (const line of table.split('\n')) {
    const match = /^(\d+) (\S+) (.*)$/u.exec(line.trim());
    if (!match) continue;
    const [, id = '', icon = '', words = ''] = match;
    byId.set(Number(id), {
      icon,
      synonyms: words
        .split(',')
        .map((w) => w.trim())
        .filter((w) => w !== ''),
    });
  }
  return byId;
}

/** Icon and synonyms per category id, from the table above. */
export const CATEGORY_WORDS: ReadonlyMap<number, CategoryWords> = parseTable(TABLE);

/** ORDS categories whose devices hold personal data: no sale without a verified wipe (DESIGN §3). */
export const DATA_BEARING_IDS: ReadonlySet<number> = new Set([4, 5, 6, 10, 16, 19, 25, 30, 38]);

// Categories whose devices are normally battery- or USB-powered, so no mains safety test is due.
// Everything else needs a passed test before sale. Where a category mixes both (radios, power
// tools, shavers, set-top boxes next to remotes) we count it as mains: a needless test costs a
// minute, an untested mains device sold to a customer can kill. Laptops and chargers are mains:
// the adapter sold with them plugs into the wall. Misc is mains for the same reason: unknown.
const NOT_MAINS_IDS: ReadonlySet<number> = new Set([5, 6, 10, 11, 19, 22, 30, 32, 35]);

/** Whether devices of the category normally run on mains power. */
export function isMainsCategory(id: number): boolean {
  return !NOT_MAINS_IDS.has(id);
}
