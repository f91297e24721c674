// The demo post, verbatim from db/seed/source/the-social-media-plateau.txt (a real WordPress post
// and its comments). demo.test.ts checks every paragraph against that file.

export const demoAuthor = { name: 'SimonDigital', slug: 'simondigital' }

export const demoPost = {
  slug: 'the-social-media-plateau',
  title: 'The social media plateau?',
  excerpt: 'I’ve spent some of the weekend reading this year’s SOCITM Better Connected report in more detail.',
  publishedAt: '2013-03-18T09:12:00.000Z',
  featuredImage: {
    url: '/images/the-social-media-plateau.svg',
    alt: 'An illustration of a broad, flat-topped plateau rising from rolling hills under an evening sky',
    credit: 'Mark Hunter',
  },
  tags: ['Social media', 'Digital', 'Local government'],
  body: 'I’ve spent some of the weekend reading this year’s SOCITM Better Connected report in more detail.\n\nA quote from outgoing Head of Communications at London Fire Brigade, Richard Stokoe, caught my eye:\n\n> Yet the major problem in 2013 is that it is still communication departments that almost exclusively hold the keys to the social media cupboard and jealously guard them. This allows those departments to justify their current spend, blaming this new medium for why their time and budgets are sacred. In turn, senior management and chief executives have been content to leave it in the domain of communications people, partly in fear of social media and partly because of lack of comprehension of its power. This has left the true potential of social media in delivering operational benefits to the public, and cost efficiency to the taxpayer, almost completely under-explored.\n\nI agree with Richard’s comments about the underexploitation of social media in the local public sector – we do generally seem to have reached a plateau in adoption where social media has, to a large extent, become stuck within communications teams and their communications work.\n\nWhere I disagree with him is in his swipe at communications teams using social media to justify their current spend. It feels like a bit of a cynical claim that’s slightly detached from the reality. I’m certainly not aware of any councils that have been able to use social media to justify a communications operation – the only thing that can do that is decent outcome-focussed evaluation that really proves the value of communications.\n\nBut back on social media, and more generally digital, I think the cause needs champions in any organisation – and that communications people are best placed to be these digital champions. But they must recognise the responsibility this role has to be the advocates of digital in the broader organisations – pushing out the case for digital engagement to be more deeply integrated into the way the public sector delivers services.\n\nThose local public service organisations that do succeed in genuinely adopting digital will be those who have a genuinely strong organisational and leadership understanding of digital – and can harness this to radically reshape their business to the extent that digital has reshaped the world in which they operate. It’s not just about having people Twittering and a decent Facebook page out there. It’s far, far more.',
}

/** The three comments in thread order; `replyTo` is the index of the parent in this list. */
export const demoComments: {
  authorName: string
  byPostAuthor?: boolean
  replyTo?: number
  createdAt: string
  body: string
}[] = [
  {
    authorName: 'Joe Bloggs',
    createdAt: '2013-03-18T13:40:00.000Z',
    body: 'You’ve absolutely hit the nail on the head Simon.\n\nCommunications teams are the field marshalls of good communication. They have a splendid armoury of weapons at their disposal to engage the ‘enemy’. One such is advocacy or evangelism. I think evangelism works better as a working title because most colleagues will know that evangelism is the spreading of (usually) religion by preaching or personal witness.\n\nA website manager wears many hats in the day job, and one of the most important is ‘evangelist’. Who else is going to promote the organisation’s website better than he or she? Who else fully comprehends the resources it offers and the potential for future growth, development or service improvement?\n\nA competent website manager will be on ‘evangelism standby’ 24/7 capitalising on every chance opportunity that comes their way, be it a conversation with a colleague in the car park or learning that department X is buying a fab (oh yeah?) application that has a web front end that is just going to be the bees knees (it rarely is).\n\nProactive evangelism of the website to colleagues builds knowledge and awareness, aids their understanding and promotes corporate and personal engagement and working relationships.\n\nGuerrilla tactics are sometimes necessary to effect change, perhaps by lobbing a secure online form with inline validation onto a web page where previously there was just a PDF download of an application form.\n\nBy demonstrating what is possible and then promoting the benefit (eg for online form: security of personal data, data error checked as that which is required before it is submitted, and electronic receipt rather than a costly letter in the mail), helps colleagues to understand not just the potential but the practical back office or resource implications. It will ultimately have a positive impact on working practices, internal policies and should deliver external, customer-benefitting outcomes. And the web manager is regarded as the fount of all knowledge to turn to when advice is needed.\n\nEvangelism can be impossible to quantify, but it is usually more than worth the effort, and I hope many communications teams will be successful in advocating the adoption of carefully-considered social media strategies in their organisations.\n\nGood luck in the new role at East Sussex! An interesting juggling act of your time commuting between Medway and Lewes I’m certain 🙂',
  },
  {
    authorName: 'Richard',
    createdAt: '2013-03-18T19:05:00.000Z',
    body: 'Am pleased you disagree. But, understandably, I disagree at you disagreeing – but am happy to be corrected. Comms depts with social media are like car mechanics when you take your car in for an MOT. They suck through their teeth and tell other depts how much it costs and how important it is. But I would challenge you, or anyone else, to show me a local authority, through its ‘comms’ dept, that is systematically going through an organisation trying to demystify this medium. A Pavarotti to anyone who can name the comms dept who has and that has proved it through demonstrable results.',
  },
  {
    authorName: 'SimonDigital',
    byPostAuthor: true,
    replyTo: 1,
    createdAt: '2013-03-19T08:21:00.000Z',
    body: 'Hi Richard – thanks for replying. Good to have the debate. I think it’s a real oversimplification to characterise all comms teams in the way you are – the best comms teams are those that are advocating the role of social media in service delivery – mobilising, enabling and using evidence to prove where the value lies for public service.\n\nMaybe there aren’t many of these – and yes, there’s definitely too much self-congratulatory and indulegent use of social media within some comms teams that can’t be justified in outcome terms – the comms people are the best people to open up the social media opportunity in public service – but only if they can see beyond their own comms context to a broader understanding of end-to-end service delivery.',
  },
]
