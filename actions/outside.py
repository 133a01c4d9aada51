"""Requests outside career guidance ("kun je dit vertalen?", "hoeveel kinderbijslag krijg ik?"): a
polite no, and where a public body handles it, which one."""

import re
from typing import List, Optional

from actions.also_asked import sentences
from actions.answer import Reply

# "kun je het korter maken, in makkelijke taal?": the answers are fixed texts, not rewritten. Asked
# beside a question ("leg in eenvoudig Nederlands uit wat een lasser doet"), the answer follows.
SIMPLER_LANGUAGE = re.compile(
    r"\b(kort|korter|makkelijker|simpeler|eenvoudiger) (maken|schrijven|zeggen|samenvatten)"
    r"|\bmaak\b.{0,20}\b(korter|makkelijker"
    r"|simpeler|eenvoudiger)\b|\b(in )?(makkelijke|simpele"
    r"|eenvoudige|jip-en-janneke) ?taal\b|\bherschrij\w*|\b(heel )?(eenvoudig|makkelijk|simpel) nederlands\b"
    # "in 3 bullets voor een dia", "samenvatten in twee zinnen"
    r"|\bin (\d|twee|drie|vijf) (korte )?(bullets|punten|zinnen)\b|\bsamenvat\w*|\bkort graag\b",
    re.IGNORECASE,
)
# What people ask beside their career questions, and who handles it.
OUTSIDE = [
    (re.compile(r"\bkinderbijslag\b", re.IGNORECASE), "Over kinderbijslag gaat de SVB (svb.nl)."),
    (
        # "toeslagen aanvragen", not "krijg je toeslagen voor ploegendienst?"
        re.compile(
            r"\b(zorgtoeslag|huurtoeslag|kinderopvangtoeslag)\b|\btoeslagen\b.{0,20}\b(aanvragen|aanvraag)\b"
            r"|\b(aanvragen|aanvraag) (van )?toeslagen\b",
            re.IGNORECASE,
        ),
        "Over toeslagen gaat de Belastingdienst (belastingdienst.nl).",
    ),
    (
        re.compile(
            r"\b(belastingaangifte|belasting betalen|welke belasting|aangifte doen|hoeveel belasting)\b", re.IGNORECASE
        ),
        "Over belasting gaat de Belastingdienst (belastingdienst.nl).",
    ),
    (
        re.compile(r"\b(kvk|kamer van koophandel|inschrijven als zzp\w*|bedrijf inschrijven)\b", re.IGNORECASE),
        "Een eigen bedrijf inschrijven gaat via de KvK (kvk.nl).",
    ),
    (
        re.compile(
            r"\bdiploma\b.{0,40}\b(erkennen|erkend|waarderen|waardering|geldig)\b"
            # "zijn vader heeft diploma uit Polen, kan hij daarmee hier werken?"
            r"|\bdiploma (uit|van) (het buitenland|(zijn|haar|hun|het|je) (eigen )?land|polen|syri\w*|turkije|marokko"
            r"|oekra\w*|eritrea|afghanistan)\b|\bbuitenlands\w* diploma"
            # "een leerling uit Syrie die daar al een diploma elektricien heeft", "in Polen deed hij 2 jaar school"
            r"|\buit (polen|syri\w*|turkije|marokko|oekra\w*|eritrea|afghanistan)\b.{0,60}\bdiploma\b"
            r"|\bin (polen|syri\w*|turkije|marokko|oekra\w*|eritrea|afghanistan)\b"
            r".{0,40}\b(school|opleiding|diploma)\b",
            re.IGNORECASE,
        ),
        "Een buitenlands diploma laten waarderen kan via IDW (idw.nl).",
    ),
    (re.compile(r"\bstudiefinanciering\b", re.IGNORECASE), "Over studiefinanciering gaat DUO (duo.nl)."),
    (
        # "welke mbo heeft de beste slagingspercentages, Albeda of Zadkine?": schools are not ranked here
        re.compile(
            r"\b(slagingspercentage\w*|beste (mbo-?)?scho(ol|len)|welke (mbo-?)?school is (het )?(beste|beter)"
            r"|ranking\w*|ranglijst\w*)\b",
            re.IGNORECASE,
        ),
        "Scholen vergelijken of rangschikken doe ik niet. Op kiesmbo.nl staat per opleiding onder meer wat studenten"
        " ervan vinden; open dagen en de decaan helpen verder.",
    ),
    (
        # "in welke LB-schaal zit een vmbo-docent?": teachers' pay scales are in the education cao
        re.compile(r"\b(l[bcd]-?schaal|schaal l[bcd]|lerarensalaris\w*|cao (vo|po|mbo|onderwijs))\b", re.IGNORECASE),
        "Salarisschalen van leraren staan in de cao van het onderwijs (bijvoorbeeld de cao vo); ik geef informatie"
        " over technische beroepen.",
    ),
    (
        # "mag hij met 17 al op daken en steigers werken van de wet?": rules for young workers are the law's
        re.compile(
            r"\b(van de wet|wettelijk|arbeidswet\w*|arbeidstijdenwet|arbo\w*)\b.{0,60}"
            r"\b(1[4-7]|jong\w*|minderjarig\w*)\b"
            r"|\b(1[4-7]|jong\w*|minderjarig\w*)\b.{0,60}\b(van de wet|wettelijk|arbeidswet\w*|arbeidstijdenwet)\b",
            re.IGNORECASE,
        ),
        "Wat jongeren onder de 18 wel en niet mogen doen op het werk, staat in de regels voor jonge werknemers"
        " (Arbeidstijdenwet en arboregels). De werkgever, de school en de Nederlandse Arbeidsinspectie weten het;"
        " ik zeg er zelf niets over.",
    ),
    (
        # "welke LOB-methode is beter, Qompas of Xello?": other products are not weighed here
        re.compile(r"\b(qompas|xello|lob-?methode\w*|loopbaanmethode\w*|lesmethode\w*)\b", re.IGNORECASE),
        "Welke LOB-methode of welk programma een school het best kan kopen, beoordeel ik niet; collega-decanen en de"
        " leveranciers zelf weten meer. Wel kan ik lesstof maken met echte cijfers: een quiz, stellingen of een"
        " lesbrief.",
    ),
    (
        # "kunt u een goede psycholoog of coach aanraden bij ons in de buurt?": care is the school's and the GP's
        re.compile(
            r"\b(psycholoog|psychiater|therapeut|coach|hulpverlen\w*|jeugdzorg|begeleider)\b.{0,40}"
            r"\b(aanraden|aanbevelen|zoeken|vinden|adres\w*|in de buurt|bij ons)\b",
            re.IGNORECASE,
        ),
        "Hulpverleners aanraden kan ik niet. De zorgcoördinator van school en de huisarts weten wie er in de buurt"
        " helpt.",
    ),
    (
        # "kan ik via jullie een warmtepomp laten installeren en wat kost dat?": no services or prices
        # (a request: "we hebben net een warmtepomp laten installeren" is context)
        re.compile(
            r"\b(kan|kun|kunt|kunnen|wil|willen|via) (ik|we|wij|u|jullie|jou)\b.{0,40}"
            r"\blaten (installeren|plaatsen|aanleggen|repareren|maken|leggen)\b|\bofferte\w*\b",
            re.IGNORECASE,
        ),
        "Iets laten installeren of repareren, en wat dat kost, regel ik niet: daarvoor is een erkend installateur of"
        " vakbedrijf in de buurt. Ik help met vragen over technische beroepen en opleidingen.",
    ),
    (
        # "kun je een stageplek voor hem regelen bij Shell?": the assistant arranges nothing
        re.compile(
            r"\b(stage\w*|leerbedrijf|leerbaan|baan|bijbaan|plek)\b.{0,40}"
            r"\b(regelen|regel|bemiddel\w*|voor (hem|haar|mij) (vinden|zoeken))\b"
            r"|\b(regel|regelen) (jij|je|u)\b.{0,30}\b(stage\w*|leerbedrijf|baan|plek)\b",
            re.IGNORECASE,
        ),
        "Een stage, leerbedrijf of baan regelen kan ik niet. Erkende leerbedrijven staan op stagemarkt.nl van SBB;"
        " de stagecoördinator of de decaan van school helpt bij het zoeken.",
    ),
    (
        # "hoe kan ik bij DUO inloggen? ik krijg een foutmelding bij digid"
        re.compile(r"\b(digid|inloggen|wachtwoord vergeten)\b", re.IGNORECASE),
        "Met inloggen helpen DUO (duo.nl) en DigiD (digid.nl) zelf.",
    ),
    (
        # "wat kost zo'n vliegopleiding?": the price of a training is on the school's own site
        re.compile(
            r"\b(wat|hoeveel) (kost|kosten) (de|een|zo'?n|die|deze|het) (\w*opleiding|school|studie|mbo|bbl|bol)\b"
            r"|\b(lesgeld|schoolgeld|collegegeld|kosten van de opleiding)\b",
            re.IGNORECASE,
        ),
        "Wat een opleiding kost, staat op de site van de school. Over lesgeld en studiefinanciering gaat DUO (duo.nl).",
    ),
    (
        # "hij heeft in Turkije al als lasser gewerkt, kan hij dat gebruiken?": foreign experience
        re.compile(
            r"\b(in|uit) (het buitenland|turkije|syri\w*|polen|marokko|oekra\w*|eritrea|afghanistan)\b.{0,40}"
            r"\b(gewerkt|ervaring|werkervaring)\b",
            re.IGNORECASE,
        ),
        "Of werkervaring uit het buitenland meetelt, kan de mbo-school vertellen. Een buitenlands diploma laten"
        " waarderen kan via IDW (idw.nl).",
    ),
    (
        # "kun je dit vertalen?", "kan dat ook in het arabisch?": the answers are in Dutch only
        re.compile(
            r"\b(vertaal\w*|vertalen|vertaling)\b|\b(in het|naar het) (arabisch|engels|turks|pools|oekra\w*|tigrinya"
            r"|somalisch|frans|duits|spaans|farsi|dari)\b",
            re.IGNORECASE,
        ),
        "Mijn antwoorden zijn alleen in het Nederlands.",
    ),
    (
        re.compile(
            # "weet u een goede fysiotherapeut?", not "wat verdient een fysiotherapeut?"
            r"\b(weet|ken|zoek\w*|raad)\b.{0,25}\b(fysiotherapeut|huisarts|tandarts|psycholoog)",
            re.IGNORECASE,
        ),
        "",
    ),
    (re.compile(r"\b(busbedrijf|bus huren|touringcar|examenvrees)\b", re.IGNORECASE), ""),
    # "kunt u een goedkope rijschool aanraden?", "hoe boek ik een rondleiding bij een containerterminal?"
    (re.compile(r"\brijschool\w*\b", re.IGNORECASE), "Over rijlessen en het rijbewijs gaat het CBR (cbr.nl)."),
    (
        re.compile(r"\b(rondleiding|bedrijfsbezoek|excursie)\b.{0,40}\b(boek\w*|regel\w*|aanvrag\w*|plannen)\b", re.I),
        "Een rondleiding of bedrijfsbezoek regel je bij het bedrijf zelf.",
    ),
    (
        re.compile(
            r"\b(sollicitatiebrief|motivatiebrief\w*|cv schrijven|cv maken)\b"
            r"|\bmet (mijn|mn|m'n|je|zijn|haar) cv\b"  # "kan je me helpen met mn cv voor een bijbaantje"
            r"|\bcv\b.{0,25}\b(maken|schrijven|nakijken|checken)\b"
            r"|\bbrief\b.{0,40}\bsollicit\w*|\bsollicit\w*.{0,40}\bbrief\b",
            re.IGNORECASE,
        ),
        "",
    ),
    (
        # "zijn er vacatures bij Shell?", "kunnen jullie hem aan een baan helpen?": no job placement here
        re.compile(
            r"\bvacatures?\b.{0,12}\bbij\b|\bbij\b.{0,30}\bvacatures?\b|\baan (een|de) (baan|bijbaan\w*|stage\w*)"
            r" helpen\b|\bhelpen (aan|met) een (baan|bijbaan\w*)\b",
            re.IGNORECASE,
        ),
        "Vacatures zoeken of werk regelen doe ik niet. Vacatures staan op werk.nl en op de sites van bedrijven;"
        " een leerbaan of stageplek staat op stagemarkt.nl.",
    ),
    (re.compile(r"\b(pabo|lerarenopleiding)\b", re.IGNORECASE), ""),
    (
        # "waar koop ik een goed lasapparaat?": no shopping advice
        re.compile(
            r"\b(kopen|koop|bestellen|aanschaffen)\b.{0,30}(apparaat|gereedschap|machine|laptop|pc|computer)"
            r"|(apparaat|gereedschap|machine|laptop|pc|computer)\w*\b.{0,30}\b(kopen|bestellen|aanschaffen)\b",
            re.IGNORECASE,
        ),
        "",
    ),
    (
        # "kan ik de cijferlijst van een leerling uploaden?": no files, and no personal data in a chat
        re.compile(r"\b(upload\w*|cijferlijst\w*|bijlagen?)\b", re.IGNORECASE),
        "Bestanden lezen kan ik niet. Zet ook geen namen, cijfers of andere gegevens van leerlingen in de chat.",
    ),
    (
        # "kun je een foto maken?", "maak een lesplan": things this assistant does not make
        re.compile(
            r"\b(foto|plaatje|afbeelding|filmpje|video)\b.{0,25}\b(maken|maak|genereren)\b"
            r"|\b(maak|maken)\b.{0,25}\b(foto|plaatje|afbeelding|lesplan|lesprogramma|rooster|planning)\b"
            r"|\b(powerpoint|ppt|dia'?s)\b.{0,25}\b(maken|maak|van)\b",
            re.IGNORECASE,
        ),
        "Wel kan ik voor een les een quiz geven (typ 'quiz'), stellingen over vooroordelen met feiten, of een"
        " lesbrief (typ bijvoorbeeld 'maak een lesbrief over elektricien en lasser').",
    ),
    (
        # "kun je de subsidieregels voor warmtepompen uitleggen?": subsidies for homes are the government's
        # not the worry "blijft dat werk er als de subsidies stoppen?", which prospects names
        re.compile(r"\bsubsidie\w*\b(?!.{0,20}\b(stopt|stoppen|ophouden|weg|verdwijn\w*))", re.IGNORECASE),
        "Over subsidies, bijvoorbeeld voor een warmtepomp of isolatie, informeert de overheid op rvo.nl.",
    ),
    (
        # "kan hij in Duitsland gaan werken, en waar betaalt hij belasting?": work across the border
        re.compile(
            r"\b(in|naar) (duitsland|belgi\w*)\b.{0,40}\b(werken|wonen|belasting)\b"
            r"|\bbelasting\b.{0,30}\b(hier of daar|in duitsland|in belgi\w*)\b",
            re.IGNORECASE,
        ),
        "Over werken over de grens, ook over belasting, informeren de GrensInfoPunten (grensinfopunt.nl) en de"
        " Belastingdienst.",
    ),
    (
        # "heeft hij recht op extra begeleiding of een lwoo-indicatie?": support at school is the school's to arrange
        re.compile(r"\b(lwoo\w*|pro-indicatie|extra begeleiding|passend onderwijs|samenwerkingsverband)\b", re.I),
        "Over extra begeleiding of een indicatie zoals lwoo beslist de school, samen met het samenwerkingsverband. De"
        " mentor of de zorgcoördinator weet hoe dat gaat.",
    ),
    (
        # "kan hij een wajong-uitkering krijgen?": benefits and support at work are UWV's
        re.compile(r"\b(wajong\w*|uitkering\w*|jobcoach\w*|arbeidsbeperking\w*)\b", re.IGNORECASE),
        "Over een uitkering, de Wajong of een jobcoach gaat het UWV (uwv.nl).",
    ),
    (
        # "wat is de beste laptop voor die opleiding?": the school's own list says what is needed
        re.compile(r"\b(beste|welke|goede|wat voor( een)?) (laptop|computer|pc|tablet)\b", re.IGNORECASE),
        "Welke laptop een opleiding vraagt, staat in de informatie van de school zelf.",
    ),
    (
        # "kun je een toets natuurkunde maken over stroom?": school subjects are the teacher's material
        re.compile(
            r"\b(toets|proefwerk|overhoring)\w*\b.{0,40}\b(maken|maak|opstellen|schrijven)\b"
            r"|\b(maak|maken|opstellen)\b.{0,25}\b(toets|proefwerk|overhoring)",
            re.IGNORECASE,
        ),
        "Een toets over een schoolvak maak ik niet. Wel kan ik voor een les een quiz over technische beroepen geven"
        " (typ 'quiz') of stellingen over vooroordelen met feiten.",
    ),
    (
        # "kunt u het rooster van zijn school opzoeken?": a school's own systems are closed to this chat
        re.compile(
            r"\b(les)?rooster\b.{0,30}\b(opzoeken|zoeken|bekijken|inzien)\b|\b(opzoeken|zoek)\b.{0,30}\brooster", re.I
        ),
        "Het rooster van een school kan ik niet inzien. Dat staat in het systeem van de school, of de mentor weet het.",
    ),
    (
        # "weet u een goede garage in rotterdam zuid? mijn apk is verlopen": no businesses recommended
        re.compile(r"\b((mijn|onze|de) apk|apk (is )?verlopen|goede garage|garage (in|bij) de buurt)\b", re.IGNORECASE),
        "Een garage of ander bedrijf aanraden doe ik niet.",
    ),
    (
        # "welk merk zonnepanelen kunnen wij het beste op ons dak leggen?": no products recommended
        re.compile(r"\b(welk|welke|beste) (merk|merken)\b", re.IGNORECASE),
        "Merken of producten aanraden doe ik niet.",
    ),
    (
        # "kun je de profielkeuzeformulieren in Magister invullen?": the school's own systems
        re.compile(r"\b(magister|somtoday|zermelo|parnassys|osiris)\b", re.IGNORECASE),
        "In de systemen van de school, zoals Magister, kan ik niets invullen of inzien.",
    ),
    (
        # "kun je een brief naar de ouders opstellen?": letters are the school's own
        re.compile(
            r"\b(brief|mail|e-mail|nieuwsbrief\w*)\b.{0,40}\b(ouders|verzorgers)\b.{0,40}\b(opstellen|schrijven|maken)\b"
            r"|\b(opstellen|schrijven|maken)\b.{0,30}\b(brief|mail|nieuwsbrief\w*)\b.{0,30}\b(ouders|verzorgers)\b"
            r"|\b(brief|mail|nieuwsbrief\w*)\b.{0,30}\b(opstellen|schrijven)\b.{0,30}\b(ouders|verzorgers)\b"
            r"|\b(brief|mail|mailtje|e-?mail|nieuwsbrief\w*) (voor|aan|naar) (de )?(ouders|verzorgers)\b"
            r"|\b(kun|kan|kunt|wil|zou) (je|jij|u)\b.{0,40}\b(mailtje|e-?mail|mail)\b.{0,30}\b(schrijven|opstellen)\b",
            re.IGNORECASE,
        ),
        "Een brief of nieuwsbrief schrijf ik niet. Wel geef ik de cijfers en feiten met bron, die u kunt overnemen,"
        " of een lesbrief (typ bijvoorbeeld 'maak een lesbrief over elektricien en lasser').",
    ),
    (
        # "hoe kan ik hem motiveren? hij spijbelt": coaching a pupil, not career information
        re.compile(r"\b(hoe|manier\w*)\b.{0,30}\bmotiveren\b", re.IGNORECASE),
        "Vertel wat de leerling wel leuk vindt, dan noem ik technische beroepen die daarbij passen.",
    ),
    (
        # "hij spijbelt veel en heeft nergens zin in": the school's care team, and for absence the council
        re.compile(
            r"\b(spijbel\w*|verzuim\w*)\b|\b(elke|iedere) (ochtend|dag|les)\b.{0,20}\bte laat\b"
            r"|\bte laat (komt|komen)\b.{0,40}\b(elke|iedere|steeds|altijd|vaak)\b",
            re.IGNORECASE,
        ),
        "Bij spijbelen of weinig zin in school helpen de mentor en de zorgcoördinator op school; bij veel"
        " verzuim ook de leerplichtambtenaar van de gemeente.",
    ),
    (
        # "wat is het minimumloon voor een 16-jarige?": set by law, published by the government
        re.compile(r"\b(minimum ?loon|minimumjeugdloon|jeugdloon|wettelijk minimum\w*)\b", re.IGNORECASE),
        "Het wettelijk minimumloon per leeftijd staat op rijksoverheid.nl.",
    ),
    (
        # "hij wordt gepest en zit niet lekker in zijn vel": wellbeing, for people who know the child
        # A worry about later ("bang dat ze op de bouwplaats gepest wordt") is the myth's question, not this.
        re.compile(
            r"^(?!.*\b(bang|zorgen|vrees|straks|later)\b.{0,80}\b(gepest|pesten)\b)"
            r".*\b(gepest|pesten|depressie\w*|somber|angstig|niet lekker in (zijn|haar|mijn) vel)\b",
            re.IGNORECASE | re.DOTALL,
        ),
        "Praat erover met de mentor of de vertrouwenspersoon op school, of met de huisarts.",
    ),
    (
        # "kun je uitrekenen wat hij netto overhoudt van 2400 bruto?": tax sums are not career information
        re.compile(
            r"\b(uitrekenen|uit te rekenen|bereken\w*|reken\w*)\b.{0,50}\bnetto\b|\bnetto\b.{0,50}\buitrekenen\b", re.I
        ),
        "Netto uitrekenen kan ik niet: dat hangt af van belasting, premies en toeslagen. De Belastingdienst"
        " (belastingdienst.nl) legt uit hoe het werkt.",
    ),
    (
        # "hoe hack je het wifi van school?": no help with breaking in, whatever the occupation talked about
        # "hacker worden (de goede soort)" is cybersecurity: only the act is declined
        re.compile(r"\b(hack(en|t|te)?|gehackt|inbreken|wachtwoord\w* (kraken|hacken|achterhalen)|spieken)\b", re.I),
        "",
    ),
    (
        # "kent u een goede bijlesdocent scheikunde?": tutoring is not career information
        re.compile(r"\b(bijles\w*|huiswerkbegeleiding|huiswerkinstituut|\w*huiswerk)\b", re.IGNORECASE),
        "Met huiswerk help ik niet. Voor bijles of huiswerkbegeleiding weet de mentor op school de weg.",
    ),
    (
        # "moet ze daar medicatie voor nemen?": medical advice is for a doctor
        # not "die met diagnose" (the car diagnostics job of a list)
        re.compile(r"\b(medicatie|medicijn\w*|ritalin)\b|\bdiagnose (gekregen|krijgen|gesteld|stellen|laten)\b", re.I),
        "Over medicatie of een diagnose gaat de huisarts; op school kan de zorgcoördinator meedenken.",
    ),
    (
        # "mag je al drones vliegen als je 15 bent?": rules for hobbies are not career information
        re.compile(r"\bdrones? (vliegen|besturen)\b.{0,40}\b(mag|mogen|leeftijd|oud|vergunning)\b", re.I),
        "",
    ),
    (
        # "wat voor weer wordt het morgen op de Maasvlakte?"
        re.compile(
            r"\b(weerbericht|weersverwachting|weersvoorspelling|wat voor weer|wordt het (mooi )?weer"
            r"|wordt het (morgen )?(droog|nat|warm|koud)|gaat het (morgen )?regenen)\b",
            re.I,
        ),
        "",
    ),
    (
        # "maak een beoordelingsrubric voor het LOB-dossier": school paperwork the assistant does not make
        # (grading: "een cijfer geven voor het werkstuk"; not "een concreet cijfer geven" for a myth)
        re.compile(
            r"(rubric\w*|\bbeoordelingsformulier\w*|\bbeoordelingsmodel\w*"
            r"|\bcijfers? geven (aan|voor) (de |een |het |mijn |hun )?"
            r"(leerling\w*|werkstuk\w*|opdracht\w*|presentatie\w*))\b",
            re.IGNORECASE,
        ),
        "Wel kan ik voor een les een quiz geven (typ 'quiz'), stellingen over vooroordelen met feiten, of een"
        " lesbrief (typ bijvoorbeeld 'maak een lesbrief over elektricien en lasser').",
    ),
    (
        # "welke school is beter, Albeda of Zadkine?", "kan ik hem via deze app inschrijven?"
        re.compile(
            r"\b(welke|wat is de) (mbo[- ]?)?school\b.{0,40}\b(beste?|beter|goede?)\b|\bbeste (mbo[- ]?)?school\b"
            r"|\b(inschrijven|aanmelden) (via|bij|in) (deze|de|jullie) (app|chat|website)\b"
            r"|\bvia (deze|de|jullie) (app|chat|website)\b.{0,25}\b(inschrijven|aanmelden)\b",
            re.IGNORECASE,
        ),
        "Scholen vergelijken of aanmelden doe ik niet. Op kiesmbo.nl staan de opleidingen per school; een open"
        " dag laat zien hoe een school is, en aanmelden gaat via de school zelf.",
    ),
    (
        # "wat vind jij van de verkiezingen?": no opinions on politics
        re.compile(
            r"\b(politiek\w*|verkiezing\w*|kabinet|op welke partij|welke partij|moet ik stemmen|stemmen op|stemadvies"
            r"|minister\w*|regering)\b",
            re.I,
        ),
        "",
    ),
    (
        # "hoeveel huur betaal je voor een studio in Rotterdam?": housing costs are not labour-market data
        re.compile(
            r"\b(huur|huurprijs\w*|hypotheek\w*|studio|kamer (huren|zoeken|vinden)|woningmarkt)\b", re.IGNORECASE
        ),
        "Over huur en wat wonen kost heb ik geen gegevens. Het Nibud (nibud.nl) laat zien wat wonen en leven kosten.",
    ),
    (
        # "hoe kom ik aan een bijbaantje bij de appie?": no job placement here
        re.compile(
            r"\b(hoe kom ik aan|zoek\w*|vind\w*|krijg\w*)\b.{0,20}\bbijba(a)?n\w*"
            r"|\bbijba(a)?n\w*\b.{0,25}\b(zoeken|vinden|krijgen)\b",
            re.IGNORECASE,
        ),
        "Een bijbaan zoeken doe ik niet. Vacatures staan op werk.nl en op de sites van bedrijven.",
    ),
    (
        # "onze cv-ketel is kapot, kent u een goede installateur?", "het lampje van de omvormer is rood":
        # repairs at home are for a company, not for career guidance
        re.compile(
            r"\b(cv-?ketel|ketel|boiler|omvormer|meterkast|stoppenkast|lekkage)\b.{0,40}"
            r"\b(kapot|stuk|lekt|rood|knippert|storing|doet het niet|maken|repareren)\b"
            r"|\b(ken|kent|weet|raad)\b.{0,25}\b(goede|betrouwbare) (installateur|loodgieter|elektricien|monteur)\b",
            re.I,
        ),
        "Een storing thuis oplossen of een vakman aanraden doe ik niet. Bel daarvoor een erkend installatiebedrijf.",
    ),
    (
        # "welke bedrijven in Schiedam hebben nog een bbl-plek?": no company lists here
        re.compile(r"\b(welke|zoek\w*|uitzoeken)\b.{0,20}\bbedrijven\b.{0,50}\b(bbl|stage|leerba|leerplek)\w*", re.I),
        "Bedrijven met een leerbaan of stageplek zoeken doe ik niet. Erkende leerbedrijven en hun plekken staan op"
        " stagemarkt.nl.",
    ),
    (
        # "kun je ook de cijfers voor België geven?": the figures are Dutch (CBS)
        re.compile(
            r"\b(belgi\w*|vlaanderen|vlaams\w*|duitsland|duits\w*)\b.{0,40}\b(cijfers|lonen|salaris\w*|loon|verdien\w*)\b"
            r"|\b(cijfers|lonen|salaris\w*|loon|verdien\w*)\b.{0,30}\b(belgi\w*|vlaanderen|duitsland)\b"
            # "en in engeland?? daar verdien je meer": other countries, not where someone worked or learned
            r"|^(?!.*\b(diploma|gewerkt|gewoond|geleerd|opleiding|school|deed|gedaan)\b).*"
            r"\b(in|naar) (engeland|frankrijk|amerika|noorwegen|zweden|dubai|polen|turkije)\b"
            r".{0,40}\b(verdien\w*|loon|salaris)",
            re.I | re.S,
        ),
        "Mijn cijfers gaan alleen over Nederland (CBS). Over beroepen in België geeft de VDAB (vdab.be) informatie.",
    ),
    (
        # "kun je een handelingsplan schrijven voor een leerling met dyslexie?": care plans are the school's
        re.compile(r"\b(handelingsplan\w*|ondersteuningsplan\w*|ontwikkelingsperspectiefplan\w*|opp)\b", re.I),
        "Een handelingsplan of ondersteuningsplan maakt de school zelf, met de zorgcoördinator.",
    ),
    (
        # "wat vind jij zelf leuker?": no taste of its own, but how to find out
        re.compile(r"\bwat (vind|zou) (jij|je|u) (zelf )?(leuker|beter|het leukst|het best|kiezen)\b", re.I),
        "Zelf heb ik geen voorkeur: ik ben een chatbot. Wat past, hangt af van wat jij leuk vindt. Een snuffelstage of"
        " een open dag helpt om te kiezen.",
    ),
    (
        # "feyenoord wordt toch kampioen dit jaar": small talk about sport
        re.compile(r"\b(kampioen\w*|eredivisie|champions league)\b", re.I),
        "",
    ),
    (
        # "welk schip is het grootste ter wereld?": general knowledge, not career guidance
        re.compile(r"\b(grootste|hoogste|langste|snelste|oudste|beste)\b.{0,40}\bter wereld\b", re.I),
        "",
    ),
    (
        # "wat zijn de toelatingseisen voor geneeskunde?": university admissions
        re.compile(r"\b(toelatingseis\w*|geneeskunde|numerus fixus|decentrale selectie)\b", re.IGNORECASE),
        "",
    ),
]


# Questions about a career that the table cannot answer: said plainly, with who can tell, and
# without "daarmee kan ik niet helpen" ("moet je daarvoor een rijbewijs hebben?").
NO_DATA = [
    (
        # "moet je daar extra certificaten voor halen?": the certificates an employer or training asks for
        re.compile(r"\b(certifica\w*|vca|keurmerk\w*|pasje)\b", re.IGNORECASE),
        "Welke certificaten een opleiding of werkgever vraagt (bijvoorbeeld voor veilig werken of voor werk aan"
        " hoogspanning), staat niet in mijn gegevens. De mbo-school en werkgevers in het vak weten het.",
    ),
    (
        # "hij wil stoppen met school en bij zijn oom werken, mag dat?": school rules; said plainly, with who knows
        re.compile(
            r"\b(stoppen|stopt|ophouden|kappen) met (school|de opleiding|zijn opleiding|haar opleiding|leren)\b"
            r"|\b(wil|wilt|hoeft|hoef) (hij |ze |zij |ik )?niet meer naar school\b"
            r"|\bvan school (af )?(gaan|halen|afgaan)\b|\b(leerplicht\w*|kwalificatieplicht\w*)\b",
            re.IGNORECASE,
        ),
        "Of stoppen met school mag, hangt af van de leerplicht en de kwalificatieplicht. De mentor, de decaan of"
        " de leerplichtambtenaar van de gemeente weet wat er geldt. Werken en leren tegelijk kan ook: in de bbl,"
        " met een leerbaan en loon.",
    ),
    (
        # "moet hij voor dat werk een rijbewijs hebben?": employers' demands are in their vacancies
        re.compile(r"\b(rijbewijs|rijlessen)\b", re.IGNORECASE),
        "Of een werkgever een rijbewijs vraagt, staat in de vacatures; daar heb ik geen gegevens over."
        " De mbo-school weet of het voor de opleiding nodig is.",
    ),
    (
        # "kan ik elektricien worden als ik kleurenblind ben?": fitness for a training is the school's call
        # Only conditions that decide whether a training admits someone; "rugklachten" is the heavy-work myth.
        # "iets met schepen maar niet op zee want ik word zeeziek": a wish for work ashore, not a question of fitness
        re.compile(
            r"^(?!.*\bniet (op|de|naar) zee\b).*\b(kleurenblind\w*|epilepsie|astma\w*|allergi\w*|zeeziek\w*)\b",
            re.I | re.S,
        ),
        "Of een aandoening als kleurenblindheid, astma of zeeziekte uitmaakt voor een opleiding of beroep, kan de"
        " mbo-school vertellen (vraag het bij de intake);"
        " over de gezondheid zelf gaat de huisarts.",
    ),
    (
        # "hoeveel vakantiedagen krijg je in de bouw?": terms of employment are in the collective agreement
        re.compile(
            r"\b(vakantiedagen|vrije dagen|verlofdagen|reiskosten\w*|leaseauto|bus van de zaak)\b",
            re.IGNORECASE,
        ),
        "Vakantiedagen en vergoedingen staan in de cao van de sector of in het contract van de"
        " werkgever; cijfers daarover heb ik niet.",
    ),
    (
        # "heeft hij recht op extra tijd bij het examen?": exam arrangements are the school's
        re.compile(r"\bextra tijd\b|\bexamen\w*\b.{0,30}\b(aanvragen|aanpassing\w*|faciliteit\w*)\b", re.I),
        "Extra tijd of andere hulp bij toetsen en examens regelt de school: vraag het de mentor, of bij de intake van"
        " de mbo-school.",
    ),
    (
        # "moet je daarvoor goed engels kunnen?": language demands of a training or job are not in the table
        # (Dutch as a second language has its own answer: utter_language_support)
        re.compile(
            r"\b(engels|duits)\b.{0,20}\b(kunnen|spreken|beheersen)\b|\b(goed|beter|genoeg) engels\b"
            r"|\b(goed|slecht|beter) (in|met) (engels|duits)\b",
            re.IGNORECASE,
        ),
        "Hoe goed iemand Engels moet kunnen voor een opleiding of beroep, staat niet in mijn gegevens."
        " De mbo-school kan dat bij de intake vertellen.",
    ),
    (
        # "waarom verschilt dat met de cao-site?": what the CBS figure is, beside a collective agreement's scales
        re.compile(
            r"\bcao\w*\b.{0,40}\b(verschil\w*|anders|hoger|lager|klopt)\b|\b(verschil\w*|anders|klopt)\b.{0,40}\bcao\w*\b",
            re.IGNORECASE,
        ),
        "Mijn loon is het middelste bruto uurloon van alle werknemers in de CBS-beroepsgroep samen: beginners en"
        " ervaren mensen. Een cao noemt loonschalen per functie en per jaar ervaring, daarom kan een bedrag in"
        " een cao hoger of lager zijn.",
    ),
    (
        # "wat zegt de cao metaal over het startsalaris van een monteur niveau 2?": scales are in the cao itself
        re.compile(
            r"^(?!.*\b(verschil\w*|anders|hoger|lager|klopt)\b).*"
            r"\bcao\w*\b.{0,60}\b(startsalaris|beginsalaris|loonschaal\w*|schalen|trede\w*|jeugdloon)\b",
            re.I | re.S,
        ),
        "Loonschalen uit een cao heb ik niet. Die staan in de cao zelf, bij de vakbond en de werkgeversorganisatie"
        " van de sector; het loon in mijn antwoorden is het middelste CBS-loon van de hele beroepsgroep.",
    ),
    (
        # "hoe staat het met de cao-onderhandelingen?": news is not in the table
        re.compile(r"\bcao[- ]?(onderhandeling\w*|akkoord\w*)\b|\blaatste nieuws\b|\bstaking\w*\b", re.IGNORECASE),
        "Nieuws, zoals de stand van cao-onderhandelingen, volg ik niet. Dat staat bij de vakbond en bij de"
        " werkgeversorganisatie van de sector.",
    ),
    (
        # "en de gemiddelde leeftijd, gaan er veel met pensioen?": the table has no ages of the workers
        # (a zzp'er "zonder pensioen" is about self-employment, answered beside the pay)
        re.compile(
            r"^(?!.*\b(zzp\w*|geen pensioen|zonder pensioen)\b).*"
            r"\b(met pensioen|pensioen\w*|vergrijz\w*|gemiddelde leeftijd|leeftijdsopbouw)\b",
            re.IGNORECASE | re.S,
        ),
        "Hoe oud de mensen in een beroep zijn en hoeveel er binnenkort met pensioen gaan, staat niet in mijn"
        " gegevens. Het CBS en het UWV publiceren daar cijfers over.",
    ),
    (
        # "hij wordt steeds geschorst, wat moet ik doen?": trouble at school is for the school's care team
        re.compile(r"\b(geschorst|schorsing\w*|van school gestuurd|verwijderd van school)\b", re.IGNORECASE),
        "Bij schorsing of andere problemen op school zijn de mentor en de zorgcoördinator de eersten om mee te praten;"
        " loopt het vast, dan helpt ook de leerplichtambtenaar van de gemeente.",
    ),
    (
        # "mijn zoon is gezakt voor wiskunde, mag hij herkansen?": exam rules are the school's
        re.compile(r"\b(herkans\w*|herexamen\w*|gezakt voor|zakken voor|is (hij|ze|zij) gezakt)\b", re.IGNORECASE),
        "Of en hoe iemand een examen kan herkansen, regelt de school zelf: de mentor of de examensecretaris weet"
        " het, en de decaan denkt mee over de route daarna.",
    ),
    (
        # "kan ze halverwege het jaar overstappen of moet ze tot september wachten?": each school's own rules
        re.compile(
            r"\b(halverwege|midden in|tijdens) (het )?(school)?jaar\b|\btot (september|de zomer|na de zomer) wachten\b",
            re.IGNORECASE,
        ),
        "Of overstappen naar een andere opleiding midden in het schooljaar kan, verschilt per mbo-school en"
        " opleiding; dat staat niet in mijn gegevens. De studieloopbaanbegeleider van de opleiding nu en de"
        " nieuwe school weten het.",
    ),
]


def outside_referrals(text: str) -> List[str]:
    """The referral of each outside matter the message raises ("" for a plain no)."""
    return [referral for cue, referral in OUTSIDE + NO_DATA if cue.search(text or "")]


REQUEST = re.compile(r"(kun|kunt|kan|wil|zou|maak|schrijf|geef|help|zoek|weet|ken)\b", re.IGNORECASE)


def asks_something_else(text: str) -> bool:
    """Whether the message also asks a question of its own beside the outside matter ("hoeveel
    kinderbijslag krijg ik? en wat verdient een lasser?"); if not, the polite no is the whole answer.
    A request for simpler language is about how to answer, so its question still counts."""
    parts = [sentence.strip() for sentence in sentences(text) if sentence.strip()]
    outside = [s for s in parts if any(cue.search(s) for cue, _ in OUTSIDE + NO_DATA)]
    if any(s.endswith("?") for s in parts if s not in outside):
        return True
    # "... alleen maar buiten in de kou werkt. Mijn zoon heeft astma.": the outside matter is only said
    return bool(outside) and len(outside) < len(parts) and not any(s.endswith("?") or REQUEST.match(s) for s in outside)


def outside_reply(text: str) -> Optional[Reply]:
    """A polite no with the referrals, when the message raises something outside career guidance;
    for a request for simpler language only, that the answers are fixed texts."""
    referrals = outside_referrals(text)
    if referrals:
        outside = any(cue.search(text or "") for cue, _ in OUTSIDE)
        # a career question without data gets only who can tell; a matter outside careers the polite no first
        return Reply(
            "utter_outside" if outside else "utter_outside_beside", {"verwijzing": " ".join(r for r in referrals if r)}
        )
    return Reply("utter_no_rewrite") if SIMPLER_LANGUAGE.search(text or "") else None
