#[test]
fn scratch() {
    for t in ["China said so. Deputy Director-General of the Ministry of Commerce's Department of European and Eurasian Affairs Zhang Wei told Xinhua that Chinese investment in Kazakhstan rose.", "Asked about remarks by a U.S. official on China's export controls, Ma Lihua said the measures were \"in line with international practice\" and \"not targeted at any country\"."] {
    let s = demarche_text::split_sentences(t);
    for x in &s { println!("S {:?}", &t[x.range()]); }
    let k = demarche_extract::extract(t, None, Some(&s));
    for p in &k.persons { println!("P {} {:?}", p.name, p.mentions.iter().map(|m| &m.text).collect::<Vec<_>>()); }
    for o in &k.organizations { println!("O {} {:?}", o.name, o.mentions.iter().map(|m| &m.text).collect::<Vec<_>>()); }
    for q in &k.quotations { println!("Q {:?} {:?} by {:?}/{:?} {:?} rep {:?}", q.kind, q.text, q.speaker.text, q.speaker.name, q.speaker.verb, q.reported_by.iter().map(|r| &r.text).collect::<Vec<_>>()); }
    }
}
